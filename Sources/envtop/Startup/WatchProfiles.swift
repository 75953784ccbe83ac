import EnvtopCore
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Which profiles a run watches, before any network: the config's (every one, or those named by
/// `--profile`), else the one implicit profile the `ANTHROPIC_*` variables and the top-level
/// settings make, exactly as envtop worked before profiles.
enum WatchProfiles {
    /// The name of the implicit profile (no `profiles:` in the config).
    static let implicitName = "default"

    static func choose(_ options: DashboardOptions, _ startup: StartupSettings) throws(StartupError) -> [ProfileConfig] {
        let configured = startup.file.profiles
        guard !configured.isEmpty else {
            if !options.profile.isEmpty {
                throw StartupError(.usage, """
                    --profile \(options.profile[0]): \(startup.configPath) has no profiles: section. \
                    See "Profiles" in README.md for the format, or leave --profile out to use the ANTHROPIC_* variables.
                    """)
            }
            return [implicit(options, startup.settings)]
        }
        guard !options.profile.isEmpty else { return configured }
        var chosen: [ProfileConfig] = []
        for name in options.profile where !chosen.contains(where: { $0.name == name }) {
            guard let profile = configured.first(where: { $0.name == name }) else {
                let names = configured.map(\.name).joined(separator: ", ")
                throw StartupError(.usage, "--profile \(name): no such profile in \(startup.configPath) (it has: \(names))\(Suggestion.hint(for: name, in: configured.map(\.name)))")
            }
            chosen.append(profile)
        }
        return chosen
    }

    /// The profile without a config section: `--base-url` or `ANTHROPIC_BASE_URL`, the keys of the
    /// standard variables, the `--environment` ids (or the config's `environment`), else every
    /// self-hosted environment the credentials can see. No label: rows show environment names.
    static func implicit(_ options: DashboardOptions, _ settings: EnvtopSettings) -> ProfileConfig {
        let ids = options.environment.isEmpty ? (settings.environment.map { [$0] } ?? []) : options.environment
        var seen: Set<String> = []
        let listed = ids.filter { seen.insert($0).inserted }.map { ListedEnvironment(id: $0, line: 0) }
        return ProfileConfig(
            name: implicitName, line: 0, baseURL: settings.baseURL ?? APIConstants.defaultBaseURL,
            environments: listed.isEmpty ? .all(line: 0) : .ids(listed), workspace: settings.workspace, label: "")
    }

    /// The demo's two profiles on its one simulator: "staging" with two environments and
    /// "production" with the third, marked production, so the merged view shows both kinds.
    static func demo(baseURL: String, environments: [String]) -> [ProfileConfig] {
        let staging = environments.dropLast().map { ListedEnvironment(id: $0, line: 0) }
        let production = environments.suffix(1).map { ListedEnvironment(id: $0, line: 0) }
        return [
            ProfileConfig(name: "staging", line: 0, baseURL: baseURL, environments: .ids(staging), label: "stg", color: .cyan),
            ProfileConfig(
                name: "production", line: 0, baseURL: baseURL, environments: .ids(production), label: "prod", color: .magenta,
                production: true),
        ]
    }
}
