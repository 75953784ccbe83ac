#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProfileConfig {
    /// Reads the `profiles:` section: every profile, in file order.
    ///
    /// - Throws: `ConfigError` at the line of the offending key or value: an empty or malformed
    ///   section, a bad profile, or a label two profiles share (labels are how the screen tells
    ///   profiles apart).
    static func parseAll(_ entry: YAMLEntry, reader: YAMLReader) throws(ConfigError) -> [ProfileConfig] {
        let empty = "profiles is empty; give at least one profile (a name, then its indented base_url), or remove the key"
        guard !entry.isNull else { throw reader.fail(entry.line, empty) }
        guard case .mapping(let mapping) = entry.value else {
            throw reader.fail(
                entry.valueLine,
                "profiles must be a mapping of profile names to their settings (`staging:`, then indented `base_url: ...`)")
        }
        guard !mapping.isEmpty else { throw reader.fail(entry.line, empty) }
        var profiles: [ProfileConfig] = []
        var labelOwners: [String: (profile: String, line: Int)] = [:]
        for item in try reader.entries(of: entry.value, named: "profiles", line: entry.line) {
            let (profile, labelLine) = try parse(item, reader: reader)
            if let owner = labelOwners[profile.label] {
                throw reader.fail(
                    labelLine,
                    "profile '\(profile.name)': label '\(profile.label)' is already used by profile '\(owner.profile)' "
                        + "(line \(owner.line)); each profile needs its own label, so set another `label:`")
            }
            labelOwners[profile.label] = (profile.name, labelLine)
            profiles.append(profile)
        }
        return profiles
    }

    /// One profile, and the line its label comes from (its `label:`, else its name).
    private static func parse(
        _ entry: YAMLEntry, reader: YAMLReader
    ) throws(ConfigError) -> (ProfileConfig, labelLine: Int) {
        let name = entry.key
        let prefix = "profile '\(name)'"
        guard !name.trimmed().isEmpty else {
            throw reader.fail(entry.line, "a profile needs a name")
        }
        let settings = entry.isNull ? [] : try reader.entries(of: entry.value, named: prefix, line: entry.line)
        var baseURL: String?
        var profile = ProfileConfig(name: name, line: entry.line, baseURL: "", environments: .all(line: entry.line))
        var labelLine = entry.line
        var apiKeyFrom: YAMLEntry?
        var environmentKeyFrom: YAMLEntry?
        for item in settings {
            let what = "\(prefix): \(item.key)"
            switch item.key {
            case "base_url": baseURL = try parseBaseURL(item, what: what, reader: reader)
            case "environments": profile.environments = try parseEnvironments(item, prefix: prefix, reader: reader)
            case "workspace": profile.workspace = try nonEmpty(item, what: what, reader: reader)
            case "api_key_env", "api_key_file", "api_key_command":
                try checkOneSource(item, after: apiKeyFrom, prefix: prefix, secret: "API key", reader: reader)
                profile.apiKey = try parseKeySource(item, what: what, reader: reader)
                apiKeyFrom = item
            case "environment_key_env", "environment_key_file", "environment_key_command":
                try checkOneSource(item, after: environmentKeyFrom, prefix: prefix, secret: "environment key", reader: reader)
                profile.environmentKey = try parseKeySource(item, what: what, reader: reader)
                environmentKeyFrom = item
            case "label":
                profile.label = try nonEmpty(item, what: what, reader: reader)
                labelLine = item.line
            case "color": profile.color = try parseColor(item, prefix: prefix, reader: reader)
            case "production": profile.production = try reader.bool(item, what: what)
            case "runbook": profile.runbook = try RunbookConfig.parse(item, prefix: "\(prefix): runbook", reader: reader)
            case "record_reason": profile.recordReason = try reader.bool(item, what: what)
            case "allow": profile.allow = try Permission.parseList(item, prefix: prefix, reader: reader)
            default:
                throw reader.fail(item.line, "\(prefix): unknown key '\(item.key)'\(Suggestion.hint(for: item.key, in: keys))")
            }
        }
        guard let baseURL else {
            throw reader.fail(
                entry.line,
                "\(prefix) has no base_url; every profile names the API it talks to (e.g. base_url: https://api.anthropic.com)")
        }
        profile.baseURL = baseURL
        return (profile, labelLine)
    }

    private static func nonEmpty(_ item: YAMLEntry, what: String, reader: YAMLReader) throws(ConfigError) -> String {
        let text = try reader.string(item, what: what).trimmed()
        guard !text.isEmpty else { throw reader.fail(item.valueLine, "\(what) is empty") }
        return text
    }

    private static func parseBaseURL(_ item: YAMLEntry, what: String, reader: YAMLReader) throws(ConfigError) -> String {
        let text = try reader.string(item, what: what).trimmed()
        let lower = text.lowercased()
        let scheme = ["http://", "https://"].first { lower.hasPrefix($0) }
        let host = scheme.map { text.dropFirst($0.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" } } ?? ""
        guard scheme != nil, !host.isEmpty else {
            throw reader.fail(
                item.valueLine, "\(what) must start with http:// or https:// and name a host (got '\(text)')")
        }
        return text
    }

    private static func parseEnvironments(
        _ item: YAMLEntry, prefix: String, reader: YAMLReader
    ) throws(ConfigError) -> EnvironmentSelection {
        let expected = "write `all`, or a list of environment ids like [env_a, env_b]"
        if let items = try reader.list(item, what: "\(prefix): environments") {
            guard !items.isEmpty else {
                throw reader.fail(item.valueLine, "\(prefix): environments is an empty list; \(expected)")
            }
            var firstLine: [String: Int] = [:]
            var listed: [ListedEnvironment] = []
            for (value, line) in items {
                let id = value.trimmed()
                guard !id.isEmpty else {
                    throw reader.fail(line, "\(prefix): an item of environments is empty; each must be an environment id")
                }
                if let first = firstLine[id] {
                    throw reader.fail(line, "\(prefix): environment '\(id)' is listed twice (first on line \(first))")
                }
                firstLine[id] = line
                listed.append(ListedEnvironment(id: id, line: line))
            }
            return .ids(listed)
        }
        guard !item.isNull else { throw reader.fail(item.line, "\(prefix): environments has no value; \(expected)") }
        guard case .scalar(let scalar) = item.value else {
            throw reader.fail(
                item.valueLine, "\(prefix): environments must be `all` or a list of ids, not a mapping; \(expected)")
        }
        guard scalar.string == "all" else {
            throw reader.fail(
                item.valueLine,
                "\(prefix): environments must be `all` or a list of ids (got '\(scalar.string)'; for one id write [\(scalar.string)])")
        }
        return .all(line: item.line)
    }

    /// A key has one source: a second one is a mistake, not an override.
    private static func checkOneSource(
        _ item: YAMLEntry, after first: YAMLEntry?, prefix: String, secret: String, reader: YAMLReader
    ) throws(ConfigError) {
        guard let first else { return }
        throw reader.fail(
            item.line, "\(prefix): \(first.key) (line \(first.line)) and \(item.key) both say where the \(secret) comes from; keep one")
    }

    /// The value is never echoed: a key pasted by mistake must not reach the screen.
    private static func parseKeySource(
        _ item: YAMLEntry, what: String, reader: YAMLReader
    ) throws(ConfigError) -> KeySource {
        let text = try nonEmpty(item, what: what, reader: reader)
        guard !text.hasPrefix("sk-ant-") else {
            throw reader.fail(
                item.valueLine,
                "\(what) looks like a key itself; put the key in a file or a variable and name that here "
                    + "(then replace this key: it has been in a file)")
        }
        let kind: KeySource.Kind
        switch item.key.split(separator: "_").last {
        case "env":
            let valid = text.first.map { $0 == "_" || $0.isASCIILetter } == true
                && text.allSatisfy { $0 == "_" || $0.isASCIILetter || ("0"..."9").contains($0) }
            guard valid else {
                throw reader.fail(item.valueLine, "\(what) must be the name of an environment variable (letters, digits and _, without $)")
            }
            kind = .variable(text)
        case "file": kind = .file(text)
        default: kind = .command(text)
        }
        return KeySource(kind: kind, line: item.line)
    }

    private static func parseColor(
        _ item: YAMLEntry, prefix: String, reader: YAMLReader
    ) throws(ConfigError) -> ProfileColor {
        let text = try reader.string(item, what: "\(prefix): color").trimmed()
        if let color = ProfileColor(rawValue: text.lowercased()) { return color }
        let names = ProfileColor.allCases.map(\.rawValue)
        let hint = Suggestion.hint(for: text, in: names)
        throw reader.fail(
            item.valueLine, "\(prefix): unknown color '\(text)'\(hint); use one of \(names.joined(separator: ", "))")
    }
}

extension Character {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
