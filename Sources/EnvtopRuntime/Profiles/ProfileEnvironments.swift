import EnvtopClient
import EnvtopCore
import EnvtopModels

/// One profile's environments, asked of its API: the listing for `all`, a check of each id for a
/// list. Part of `WatchPlan.resolve`.
enum ProfileEnvironments {
    struct Found {
        var id: String
        var name: String?
        /// The line of the listed id, or of `environments: all`.
        var line: Int
    }

    /// `checking` says which listed ids are worth a call: those `--environment` did not rule out.
    static func find(
        for profile: ProfileConfig, api: any DashboardAPI, file: String, checking: (String) -> Bool
    ) async throws(ConfigError) -> [Found] {
        switch profile.environments {
        case .all(let line):
            return try await listAll(profile, api: api, file: file, line: line)
        case .ids(let listed):
            return try await check(listed, of: profile, api: api, file: file, checking: checking)
        }
    }

    /// Every self-hosted, unarchived environment the API lists, following pages until there are
    /// no more (or a page cursor comes back: a server bug must not loop forever).
    private static func listAll(
        _ profile: ProfileConfig, api: any DashboardAPI, file: String, line: Int
    ) async throws(ConfigError) -> [Found] {
        func fail(_ message: String) -> ConfigError {
            ConfigError(file: file, line: line, message: "profile '\(profile.name)': \(message)")
        }
        var found: [Found] = []
        var seen: Set<String> = []
        var cursors: Set<String> = []
        var cursor: String?
        repeat {
            let page: EnvironmentPage
            do {
                page = try await api.listEnvironments(limit: 100, page: cursor, includeArchived: false)
            } catch {
                throw fail(
                    "cannot list the environments at \(profile.baseURL): \(error); "
                        + "list their ids in `environments:`, or leave this profile out with --profile")
            }
            for environment in page.data where environment.isSelfHosted && environment.archivedAt == nil {
                guard seen.insert(environment.id).inserted else { continue }
                found.append(Found(id: environment.id, name: environment.name, line: line))
            }
            cursor = page.nextPage
            if let next = cursor, !cursors.insert(next).inserted { break }
        } while cursor != nil
        guard !found.isEmpty else {
            throw fail("no self-hosted environment is visible at \(profile.baseURL)")
        }
        return found
    }

    /// Each listed id, named by the API. Only a 404 is an error: without an API key the API
    /// cannot say, and the dashboard reports an environment it cannot reach on its own.
    private static func check(
        _ listed: [ListedEnvironment], of profile: ProfileConfig, api: any DashboardAPI, file: String,
        checking: (String) -> Bool
    ) async throws(ConfigError) -> [Found] {
        let asked = listed.filter { checking($0.id) }.map(\.id)
        // The typed-throws `do` lives in a plain function, not in the child closure: a
        // `do throws(APIError)` inside `addTask` crashed every optimized build of Swift 6.3.1
        // here (the group's results were corrupted; `swiftc -O` reproduces it in 20 lines),
        // while debug builds passed.
        let answers = await withTaskGroup(of: Answer.self) { group in
            for id in asked {
                group.addTask { await read(id, api: api) }
            }
            var answers: [String: Result<Environment, APIError>] = [:]
            for await answer in group { answers[answer.id] = answer.result }
            return answers
        }
        var found: [Found] = []
        for environment in listed {
            switch answers[environment.id] {
            case .success(let named):
                found.append(Found(id: environment.id, name: named.name, line: environment.line))
            case .failure(let error) where error.status == 404:
                throw ConfigError(
                    file: file, line: environment.line,
                    message: "profile '\(profile.name)': unknown environment id '\(environment.id)' "
                        + "(the API at \(profile.baseURL) has no such environment)")
            case .failure, nil:
                found.append(Found(id: environment.id, name: nil, line: environment.line))
            }
        }
        return found
    }

    /// One environment's answer to get environment.
    private struct Answer: Sendable {
        var id: String
        var result: Result<Environment, APIError>
    }

    private static func read(_ id: String, api: any DashboardAPI) async -> Answer {
        do throws(APIError) {
            return Answer(id: id, result: .success(try await api.getEnvironment(id: id)))
        } catch {
            return Answer(id: id, result: .failure(error))
        }
    }
}
