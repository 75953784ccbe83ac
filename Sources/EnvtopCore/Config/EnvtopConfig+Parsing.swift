#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension EnvtopConfig {
    /// The top-level keys of the config file, in the order `--help` and the docs list them.
    public static let keys = [
        "environment", "base_url", "workspace", "refresh", "read_only", "theme", "log_file", "attention", "runbook", "bell", "batch_stops_per_second", "max_retry_after", "max_response_mib", "audit", "mouse", "views", "keys", "profiles",
    ]
    /// The keys of the `attention:` section.
    public static let attentionKeys = [
        "lease_ttl_seconds", "stopping_grace_seconds", "starting_grace_seconds", "queued_grace_seconds",
    ]

    /// Reads the config file (YAML, like the themes).
    ///
    /// - Throws: `ConfigError` naming the file, the line and the key: an unknown key, a value of
    ///   the wrong kind or out of range, a duplicate, or a YAML syntax error.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> EnvtopConfig {
        let reader = YAMLReader(file: file)
        var config = EnvtopConfig()
        let entries = try reader.root(of: text)
        for entry in entries {
            switch entry.key {
            case "environment": config.environment = try reader.string(entry, what: "environment")
            case "base_url": config.baseURL = try reader.string(entry, what: "base_url")
            case "workspace": config.workspace = try reader.string(entry, what: "workspace")
            case "refresh": config.refresh = try reader.number(entry, what: "refresh", minimum: minimumRefresh)
            case "read_only": config.readOnly = try reader.bool(entry, what: "read_only")
            case "theme": config.theme = try reader.string(entry, what: "theme")
            case "log_file": config.logFile = try reader.string(entry, what: "log_file")
            case "attention": try parseAttention(entry, into: &config, reader: reader)
            case "runbook": config.runbook = try RunbookConfig.parse(entry, prefix: "runbook", reader: reader)
            case "bell": config.bell = try reader.bool(entry, what: "bell")
            case "audit": config.audit = try reader.bool(entry, what: "audit")
            case "mouse": config.mouse = try reader.bool(entry, what: "mouse")
            case "batch_stops_per_second":
                config.batchStopsPerSecond = try reader.number(entry, what: "batch_stops_per_second", minimum: 0.2)
            case "max_retry_after": config.maxRetryAfter = try reader.number(entry, what: "max_retry_after", minimum: 1)
            case "max_response_mib": config.maxResponseMiB = try reader.number(entry, what: "max_response_mib", minimum: 1)
            case "keys": config.keys = try KeyRemap.parse(entry, reader: reader)
            case "views": config.views = try SavedView.parseAll(entry, reader: reader)
            case "profiles": config.profiles = try ProfileConfig.parseAll(entry, reader: reader)
            default:
                throw reader.fail(entry.line, "unknown key '\(entry.key)'\(Suggestion.hint(for: entry.key, in: keys))")
            }
        }
        try checkProfilesStandAlone(entries, reader: reader)
        return config
    }

    /// With `profiles:`, the top-level `environment`, `base_url` and `workspace` would make a
    /// second, nameless profile; each profile says its own instead.
    private static func checkProfilesStandAlone(_ entries: [YAMLEntry], reader: YAMLReader) throws(ConfigError) {
        guard let profiles = entries.first(where: { $0.key == "profiles" }),
              let stray = entries.first(where: { ["environment", "base_url", "workspace"].contains($0.key) })
        else { return }
        let into = stray.key == "environment" ? "a profile's `environments:` list" : "each profile that needs it"
        throw reader.fail(
            stray.line, "top-level \(stray.key) cannot be used with profiles: (line \(profiles.line)); move it into \(into)")
    }

    private static func parseAttention(_ entry: YAMLEntry, into config: inout EnvtopConfig, reader: YAMLReader) throws(ConfigError) {
        guard !entry.isNull else { return }
        for item in try reader.entries(of: entry.value, named: "attention", line: entry.line) {
            let what = "attention.\(item.key)"
            switch item.key {
            case "lease_ttl_seconds": config.leaseTTLSeconds = try reader.number(item, what: what, minimum: 1)
            case "stopping_grace_seconds": config.stoppingGraceSeconds = try reader.number(item, what: what, minimum: 1)
            case "starting_grace_seconds": config.startingGraceSeconds = try reader.number(item, what: what, minimum: 1)
            case "queued_grace_seconds": config.queuedGraceSeconds = try reader.number(item, what: what, minimum: 1)
            default:
                throw reader.fail(item.line, "unknown key '\(what)'\(Suggestion.hint(for: item.key, in: attentionKeys).replacingDidYouMean(prefix: "attention."))")
            }
        }
    }
}

extension String {
    /// " (did you mean 'x'?)" -> " (did you mean 'attention.x'?)".
    fileprivate func replacingDidYouMean(prefix: String) -> String {
        isEmpty ? self : replacing("did you mean '", with: "did you mean '\(prefix)")
    }
}
