import EnvtopClient
import EnvtopCore
import EnvtopModels

/// What the dashboard watches, and through which profile's API: the config's profiles turned
/// into environments at startup, once, so a typo in an id stops envtop with the file and the
/// line instead of showing an environment that can never load.
public struct WatchPlan: Sendable {
    /// In profile order, then listing order.
    public var environments: [WatchedEnvironment]
    /// Which profile's API serves each environment id.
    public var profileOfEnvironment: [String: String]

    public init(environments: [WatchedEnvironment], profileOfEnvironment: [String: String]) {
        self.environments = environments
        self.profileOfEnvironment = profileOfEnvironment
    }

    /// More would not fit a screen, nor the request rate a refresh makes.
    public static let maximumEnvironments = 20

    /// Asks each profile's API which environments it has (`all`) or checks the ids listed, keeps
    /// those in `only` when it is not empty, and refuses an id in two profiles or too many in all.
    ///
    /// - Parameters:
    ///   - file: the config file, for errors.
    ///   - only: the ids of repeated `--environment` options; empty: every one the profiles give.
    /// - Throws: `ConfigError`, at the line of the profile's `environments` or of the listed id
    ///   when there is one.
    public static func resolve(
        profiles: [(profile: ProfileConfig, api: any DashboardAPI)], file: String, only environmentIDs: [String] = []
    ) async throws(ConfigError) -> WatchPlan {
        let wanted = Set(environmentIDs)
        func isWanted(_ id: String) -> Bool { wanted.isEmpty || wanted.contains(id) }
        var plan = WatchPlan(environments: [], profileOfEnvironment: [:])
        var claimed: [String: (profile: String, line: Int)] = [:]
        for (profile, api) in profiles {
            let found = try await ProfileEnvironments.find(for: profile, api: api, file: file, checking: isWanted)
            for environment in found {
                if let owner = claimed[environment.id] {
                    throw ConfigError(
                        file: file, line: environment.line,
                        message: "profile '\(profile.name)': environment '\(environment.id)' is also in profile "
                            + "'\(owner.profile)' (line \(owner.line)); watch each environment through one profile only")
                }
                claimed[environment.id] = (profile.name, environment.line)
                guard isWanted(environment.id) else { continue }
                var watched = WatchedEnvironment(
                    id: environment.id, name: environment.name, profile: profile.name, label: profile.label,
                    color: profile.color, production: profile.production)
                watched.allowed = profile.allow
                watched.recordReason = profile.recordReason
                plan.environments.append(watched)
                plan.profileOfEnvironment[environment.id] = profile.name
            }
        }
        if let missing = environmentIDs.first(where: { claimed[$0] == nil }) {
            let searched = profiles.map { "'\($0.profile.name)'" }.joined(separator: ", ")
            throw ConfigError(
                file: file, line: nil,
                message: "--environment \(missing) is in no profile (searched \(searched)); add it to a profile's environments list")
        }
        guard plan.environments.count <= maximumEnvironments else {
            var counts: [String: Int] = [:]
            for environment in plan.environments { counts[environment.profile, default: 0] += 1 }
            let byProfile = profiles.compactMap { entry in
                counts[entry.profile.name].map { "\(entry.profile.name) \($0)" }
            }.joined(separator: ", ")
            throw ConfigError(
                file: file, line: nil,
                message: "envtop watches at most \(maximumEnvironments) environments; the profiles give "
                    + "\(plan.environments.count) (\(byProfile)); use --profile or --environment to choose")
        }
        return plan
    }
}
