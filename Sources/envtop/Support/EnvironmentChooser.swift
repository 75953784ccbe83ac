import EnvtopClient
import EnvtopCore
import EnvtopUI
import EnvtopModels
import Foundation

/// Picks the environment to watch when `--environment` is not given: the only self-hosted one at
/// once, or a numbered choice on the terminal before the dashboard starts.
enum EnvironmentChooser {
    enum Outcome {
        case chosen(id: String, name: String?)
        case failed(String)
    }

    static func choose(api: any DashboardAPI, requested: String?, interactive: Bool) async -> Outcome {
        if let requested {
            // The name is a nicety: reading it needs an API key, so a failure is not an error.
            let name = try? await api.getEnvironment(id: requested).name
            return .chosen(id: requested, name: name)
        }
        var environments: [Environment] = []
        var cursor: String?
        do {
            repeat {
                let page = try await api.listEnvironments(limit: 100, page: cursor, includeArchived: false)
                environments += page.data
                cursor = page.nextPage
            } while cursor != nil && environments.count < 10_000
        } catch {
            return .failed("Cannot list environments (\(error)). Pass --environment env_... to watch one directly.")
        }
        let selfHosted = environments.filter { $0.isSelfHosted && $0.archivedAt == nil }
        switch selfHosted.count {
        case 0:
            return .failed("No self-hosted environment is visible to these credentials. Pass --environment env_... if you know its id.")
        case 1:
            return .chosen(id: selfHosted[0].id, name: selfHosted[0].name)
        default:
            guard interactive else {
                let list = selfHosted.map { "  \(SafeText.visible($0.id))  \(SafeText.visible($0.name))" }.joined(separator: "\n")
                return .failed("Several self-hosted environments; pass one with --environment:\n\(list)")
            }
            return prompt(selfHosted)
        }
    }

    static func prompt(_ environments: [Environment]) -> Outcome {
        print("Self-hosted environments:")
        for (index, env) in environments.enumerated() {
            print(String(format: "%3d) ", index + 1) + "\(SafeText.visible(env.id))  \(SafeText.visible(env.name))")
        }
        while true {
            print("Watch which one? [1-\(environments.count), q to quit] ", terminator: "")
            guard let line = readLine()?.trimmingCharacters(in: .whitespaces) else {
                return .failed("No environment chosen.")
            }
            if line == "q" { return .failed("No environment chosen.") }
            if let n = Int(line), (1...environments.count).contains(n) {
                return .chosen(id: environments[n - 1].id, name: environments[n - 1].name)
            }
        }
    }
}
