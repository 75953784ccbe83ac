import EnvtopModels

/// An action a profile may allow (`allow:` in the config); `--read-only` allows none.
public enum Permission: String, Sendable, Hashable, CaseIterable {
    case stop
    case forceStop = "force_stop"
    case updateMetadata = "update_metadata"

    public init(_ mode: StopMode) {
        self = mode == .force ? .forceStop : .stop
    }

    /// What the config's `allow:` list of a profile says, checked with the line of each value.
    static func parseList(_ entry: YAMLEntry, prefix: String, reader: YAMLReader) throws(ConfigError) -> Set<Permission> {
        let names = allCases.map(\.rawValue).joined(separator: ", ")
        guard let items = try reader.list(entry, what: "\(prefix): allow") else {
            throw reader.fail(entry.valueLine, "\(prefix): allow must be a list of actions, e.g. [stop]; actions: \(names)")
        }
        var allowed: Set<Permission> = []
        for (value, line) in items {
            guard let permission = Permission(rawValue: value.trimmed()) else {
                throw reader.fail(line, "\(prefix): allow: unknown action '\(value)'\(Suggestion.hint(for: value, in: allCases.map(\.rawValue))) (actions: \(names))")
            }
            allowed.insert(permission)
        }
        return allowed
    }
}
