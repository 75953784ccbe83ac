import ArgumentParser
import EnvtopCore
import EnvtopRuntime
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `envtop audit`: prints the audit log, newest last, filtered by age, environment or action.
/// A line that is not a record is reported with its number and skipped, never fatal.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Print the audit log of stops and metadata updates ($XDG_STATE_HOME/envtop/audit.jsonl).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Only records newer than this: 30s, 15m, 2h, 7d.") var since: String?
    @Option(help: "Only this environment id.") var environment: String?
    @Option(help: "Only this action: stop, force_stop.") var action: String?
    @Option(name: [.customShort("o"), .long], help: "text (one line each) or json (the records, one per line).") var output: Format = .text
    @Option(help: "Read this file instead of the default.") var file: String?

    func run() throws {
        let path = file ?? AppPaths.auditLog
        let cutoff = try since.map { text -> Date in
            guard let seconds = Self.duration(text) else {
                throw ValidationError("--since wants a duration like 30s, 15m, 2h or 7d; got \(text)")
            }
            return Date().addingTimeInterval(-seconds)
        }
        let (records, bad) = try AuditLog(path: path).read()
        for line in bad {
            RawIO.write("envtop audit: \(path):\(line.line): \(line.why) (skipped)\n", to: RawIO.standardError)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for record in records {
            if let cutoff, let date = record.date, date < cutoff { continue }
            if let environment, record.environment != environment { continue }
            if let action, record.action != action { continue }
            switch output {
            case .json:
                if let data = try? encoder.encode(record) { print(String(decoding: data, as: UTF8.self)) }
            case .text:
                print(Self.text(record))
            }
        }
    }

    /// "2026-12-06T19:04:02.123Z  ops@box  prod env_… work_…  force_stop  ok  batch 3 #2  HTTP 200  the item is stopped"
    static func text(_ r: AuditRecord) -> String {
        var parts = [r.time, r.user, "\(r.profile.isEmpty ? "" : r.profile + " ")\(r.environment)", r.workID, r.action, r.result]
        if let batch = r.batch { parts.append("batch \(batch) #\(r.position ?? 0)") }
        if let status = r.status { parts.append("HTTP \(status)") }
        if let id = r.requestID { parts.append("request-id \(id)") }
        if let reason = r.reason { parts.append("reason: \(reason)") }
        if let detail = r.detail { parts.append(detail) }
        if let patch = r.patch {
            let pairs = patch.keys.sorted().map { key -> String in
                if case .string(let value) = patch[key] { return "\(key)=\(value)" }
                return "-\(key)"
            }
            parts.append("patch " + pairs.joined(separator: " "))
        }
        // Values come from the API and the operator: an escape sequence is shown, never obeyed.
        return SafeText.visible(parts.joined(separator: "  "))
    }

    static func duration(_ text: String) -> Double? {
        guard let unit = text.last, let value = Double(text.dropLast()), value >= 0 else { return nil }
        switch unit {
        case "s": return value
        case "m": return value * 60
        case "h": return value * 3600
        case "d": return value * 86_400
        default: return nil
        }
    }
}
