import EnvtopCore
import EnvtopModels
import EnvtopUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One line a target of `envtop stop`: stopped, skipped, failed or not found, and why.
enum StopReport {
    struct Line: Encodable, Equatable {
        var environment: String
        var label: String
        var id: String
        /// `stopped`, `skipped`, `failed`, `not_found`, `not_sent`; `would_…` in a dry run.
        var result: String
        /// The item's state as the API last answered.
        var state: String?
        var detail: String?
    }

    static func results(_ state: AppState, plan: StopPlan, mode: StopMode) -> [Line] {
        guard let run = state.lastBatch else { return plan.missingLines() }
        func line(_ ref: ItemRef, _ result: String, _ detail: String?) -> Line {
            Line(
                environment: ref.environmentID, label: state.tag(ref.environmentID), id: ref.workID, result: result,
                state: state.item(ref)?.state.rawValue, detail: detail)
        }
        var lines: [Line] = []
        for ref in plan.targets {
            if run.done.contains(ref) {
                lines.append(line(ref, "stopped", nil))
            } else if run.skipped.contains(ref) {
                lines.append(line(ref, "skipped", state.item(ref) == nil ? "gone" : "already stopped, or a stop was on its way"))
            } else if let failure = run.failed.first(where: { $0.ref == ref }) {
                lines.append(line(ref, failure.notSent ? "not_sent" : "failed", failure.error.description))
            } else {
                lines.append(line(ref, "not_sent", "the run ended before it"))
            }
        }
        return lines + plan.missingLines()
    }

    static func render(_ lines: [Line], as format: OutputFormat) -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(lines)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
        case .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return lines.map { String(decoding: (try? encoder.encode($0)) ?? Data(), as: UTF8.self) + "\n" }.joined()
        case .csv:
            return CSV.line(["environment", "label", "id", "result", "state", "detail"])
                + lines.map { CSV.line([$0.environment, $0.label, $0.id, $0.result, $0.state ?? "", $0.detail ?? ""]) }.joined()
        case .text:
            return lines.map { l in
                let place = l.label.isEmpty ? "" : "\(l.label)  "
                let now = l.state.map { "  (\($0))" } ?? ""
                return SafeText.visible("\(l.result)  \(place)\(l.id)\(now)\(l.detail.map { ": \($0)" } ?? "")")
            }.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
        }
    }
}
