import EnvtopRuntime
import EnvtopCore
import EnvtopModels
import EnvtopUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What `envtop stop` will act on, and the checks made before anything is sent.
struct StopPlan {
    var targets: [ItemRef]
    /// Listed ids no watched environment holds.
    var missing: [String]

    static func make(_ state: AppState, ids: [String], useVisible: Bool, mode: StopMode) -> StopPlan {
        if useVisible { return StopPlan(targets: Array(state.visible), missing: []) }
        var targets: [ItemRef] = []
        var missing: [String] = []
        for id in ids {
            if let feed = state.feeds.first(where: { $0.store[id] != nil }) {
                let ref = ItemRef(environmentID: feed.environmentID, workID: id)
                if !targets.contains(ref) { targets.append(ref) }
            } else {
                missing.append(id)
            }
        }
        return StopPlan(targets: targets, missing: missing)
    }

    /// `--read-only` and each profile's `allow:`: nothing is sent when any target is refused.
    func checkAllowed(_ state: AppState, mode: StopMode) throws(StartupError) {
        let permission = Permission(mode)
        let refused = Set(targets.map(\.environmentID).filter { !state.permits(permission, in: $0) })
        guard !refused.isEmpty else { return }
        let names = refused.sorted().map { state.tag($0) }.joined(separator: ", ")
        let why = state.options.readOnly ? "--read-only (or read_only in the config) allows nothing" : "its profile's allow: leaves it out"
        throw StartupError(.config, "\(permission.rawValue) is not allowed in \(names): \(why); nothing was sent")
    }

    /// A force stop reaching a production profile needs its label: `--confirm-environment`, or
    /// typed at the prompt on a terminal.
    func checkProduction(
        _ state: AppState, mode: StopMode, confirmed: [String], reason: String?, interactive: Bool
    ) throws(StartupError) {
        guard mode == .force else { return }
        let labels = Set(targets.compactMap { ref -> String? in
            guard let env = state.watched(ref.environmentID), env.production else { return nil }
            return env.label.isEmpty ? env.displayName : env.label
        })
        if let first = labels.sorted().first, (reason ?? "").trimmed().isEmpty {
            throw StartupError(.usage, "a force stop in production '\(first)' needs --reason TEXT (the audit log keeps it); nothing was sent")
        }
        for label in labels.sorted() where !confirmed.contains(label) {
            guard interactive else {
                throw StartupError(
                    .usage, "a force stop in production '\(label)' needs --confirm-environment \(label); nothing was sent")
            }
            RawIO.write("This force-stops items in production. Type \(label) to go on: ", to: RawIO.standardError)
            guard readLine()?.trimmed() == label else {
                throw StartupError(.usage, "the label was not typed: nothing was sent")
            }
        }
    }

    /// The question on a terminal: what will be stopped, by environment and state; only y goes on.
    func ask(_ state: AppState, mode: StopMode) throws(StartupError) {
        var byEnvironment: [String: Int] = [:]
        for ref in targets { byEnvironment[state.tag(ref.environmentID), default: 0] += 1 }
        let where_ = byEnvironment.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let verb = mode == .force ? "Force stop" : "Stop"
        RawIO.write("\(verb) \(targets.count) item(s) (\(where_))? [y/N] ", to: RawIO.standardError)
        guard let answer = readLine()?.lowercased(), answer == "y" || answer == "yes" else {
            throw StartupError(.usage, "cancelled: nothing was sent")
        }
    }

    func dryRun(_ state: AppState, mode: StopMode) -> [StopReport.Line] {
        targets.map { ref in
            let item = state.item(ref)
            let skip = item?.state == .stopped
            return StopReport.Line(
                environment: ref.environmentID, label: state.tag(ref.environmentID), id: ref.workID,
                result: skip ? "would_skip" : (mode == .force ? "would_force_stop" : "would_stop"),
                state: item?.state.rawValue, detail: skip ? "already stopped" : nil)
        } + missingLines()
    }

    func missingLines() -> [StopReport.Line] {
        missing.map { StopReport.Line(environment: "", label: "", id: $0, result: "not_found", state: nil, detail: "no watched environment has it") }
    }
}
