/// The `runbook:` section of the config file, at the top level or in a profile: the runbook
/// rules' thresholds in seconds; nil means "not said here".
public struct RunbookConfig: Sendable, Hashable {
    public var stalledClaimSeconds: Double?
    public var backlogAgeSeconds: Double?
    public var backlogGrowingSeconds: Double?

    public init(stalledClaimSeconds: Double? = nil, backlogAgeSeconds: Double? = nil, backlogGrowingSeconds: Double? = nil) {
        self.stalledClaimSeconds = stalledClaimSeconds
        self.backlogAgeSeconds = backlogAgeSeconds
        self.backlogGrowingSeconds = backlogGrowingSeconds
    }

    public static let keys = ["stalled_claim_seconds", "backlog_age_seconds", "backlog_growing_seconds"]

    /// A profile's thresholds: what it says, else what the file's top level says, else the default.
    public static func thresholds(profile: RunbookConfig = RunbookConfig(), file: RunbookConfig) -> RunbookThresholds {
        let d = RunbookThresholds()
        return RunbookThresholds(
            stalledClaimSeconds: profile.stalledClaimSeconds ?? file.stalledClaimSeconds ?? d.stalledClaimSeconds,
            backlogAgeSeconds: profile.backlogAgeSeconds ?? file.backlogAgeSeconds ?? d.backlogAgeSeconds,
            backlogGrowingSeconds: profile.backlogGrowingSeconds ?? file.backlogGrowingSeconds ?? d.backlogGrowingSeconds)
    }

    /// Reads a `runbook:` mapping; `prefix` names where it sits ("runbook", "profile 'prod': runbook").
    static func parse(_ entry: YAMLEntry, prefix: String, reader: YAMLReader) throws(ConfigError) -> RunbookConfig {
        var config = RunbookConfig()
        guard !entry.isNull else { return config }
        for item in try reader.entries(of: entry.value, named: prefix, line: entry.line) {
            let what = "\(prefix).\(item.key)"
            switch item.key {
            case "stalled_claim_seconds": config.stalledClaimSeconds = try reader.number(item, what: what, minimum: 1)
            case "backlog_age_seconds": config.backlogAgeSeconds = try reader.number(item, what: what, minimum: 1)
            case "backlog_growing_seconds": config.backlogGrowingSeconds = try reader.number(item, what: what, minimum: 10)
            default:
                throw reader.fail(item.line, "unknown key '\(what)'\(Suggestion.hint(for: item.key, in: keys))")
            }
        }
        return config
    }
}
