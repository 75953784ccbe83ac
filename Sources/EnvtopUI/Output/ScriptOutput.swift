import EnvtopCore
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The text scripts read: items and environments in each `OutputFormat`. Data only; what went
/// wrong goes to stderr, never here.
public enum ScriptOutput {
    /// `--once`: text is the screen's snapshot; json one object with the environments and the
    /// items; jsonl and csv the items (the environments are `envtop stats`).
    public static func snapshot(_ state: AppState, as format: OutputFormat, timeZone: ClockZone = .current) -> String {
        switch format {
        case .text: return SnapshotText.render(state, timeZone: timeZone, snapshot: true) + "\n"
        case .json:
            struct Snapshot: Encodable {
                var environments: [EnvironmentRecord]
                var items: [ItemRecord]
            }
            return json(Snapshot(environments: EnvironmentRecord.all(state), items: ItemRecord.all(state)), pretty: true) + "\n"
        case .jsonl, .csv: return items(state, as: format)
        }
    }

    /// The rows the state lists (after its filter and search), in list order.
    public static func items(_ state: AppState, as format: OutputFormat) -> String {
        switch format {
        case .text: return SnapshotText.table(state) + "\n"
        case .json: return json(ItemRecord.all(state), pretty: true) + "\n"
        case .jsonl: return ItemRecord.all(state).map { json($0, pretty: false) + "\n" }.joined()
        case .csv:
            var out = CSV.line(itemColumns)
            for r in ItemRecord.all(state) {
                let d = r.derived
                out += CSV.line([
                    d.environment, d.label, r.item.id, r.item.state.rawValue, r.item.sessionID, RFC3339.format(r.item.createdAt),
                    number(d.ageSeconds), number(d.inStateSeconds), d.heartbeatAgeSeconds.map(number) ?? "",
                    d.attention ?? "", d.signature ?? "", json(r.item.metadata, pretty: false),
                ])
            }
            return out
        }
    }

    public static let itemColumns = [
        "environment", "label", "id", "state", "session", "created_at", "age_seconds", "in_state_seconds",
        "heartbeat_age_seconds", "attention", "signature", "metadata",
    ]

    /// Each environment's queue and health.
    public static func environments(_ state: AppState, as format: OutputFormat) -> String {
        let records = EnvironmentRecord.all(state)
        switch format {
        case .json: return json(records, pretty: true) + "\n"
        case .jsonl: return records.map { json($0, pretty: false) + "\n" }.joined()
        case .csv:
            var out = CSV.line(environmentColumns)
            for r in records {
                out += CSV.line(
                    [r.environment, r.label, r.profile, r.reachable ? "true" : "false", optional(r.depth), optional(r.pending),
                     optional(r.queued), r.oldestQueuedAgeSeconds.map(number) ?? "", optional(r.workersPolling), "\(r.items)"]
                        + WorkState.known.map { "\(r.byState[$0.rawValue] ?? 0)" }
                        + ["\(r.needsAttention)", r.rulesFailing.joined(separator: " "), r.error ?? ""])
            }
            return out
        case .text:
            return records.map(textLine).joined(separator: "\n") + "\n"
        }
    }

    public static let environmentColumns = [
        "environment", "label", "profile", "reachable", "depth", "pending", "queued", "oldest_queued_age_seconds",
        "workers_polling", "items",
    ] + WorkState.known.map { "state_" + $0.rawValue } + ["needs_attention", "rules_failing", "error"]

    /// "prod  queued 15 (depth 12 + pending 3)  oldest 4m  workers 2  items 41: …  attention 5  health ok"
    static func textLine(_ r: EnvironmentRecord) -> String {
        var parts = [r.label == r.environment ? r.environment : "\(r.label) (\(r.environment))"]
        if r.production { parts[0] += " PRODUCTION" }
        if let error = r.error, !r.reachable { parts.append("UNREACHABLE: \(error)") }
        if let queued = r.queued, let depth = r.depth, let pending = r.pending {
            parts.append("queued \(queued) (depth \(depth) + pending \(pending))")
        }
        if let oldest = r.oldestQueuedAgeSeconds { parts.append("oldest \(Age.format(oldest))") }
        if let workers = r.workersPolling { parts.append("workers \(workers)") }
        let states = WorkState.known.compactMap { s in (r.byState[s.rawValue] ?? 0) > 0 ? "\(r.byState[s.rawValue]!) \(s.rawValue)" : nil }
        parts.append("items \(r.items)" + (states.isEmpty ? "" : ": " + states.joined(separator: ", ")))
        parts.append("attention \(r.needsAttention)")
        parts.append(r.rulesFailing.isEmpty ? "health ok" : "FAILING " + r.rulesFailing.joined(separator: ", "))
        // API text (names, errors) is sanitised like the screen: no escape reaches a terminal.
        return SafeText.visible(parts.joined(separator: "  "))
    }

    static func optional(_ value: Int?) -> String { value.map(String.init) ?? "" }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func json(_ value: some Encodable, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
