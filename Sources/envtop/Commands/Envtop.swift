import ArgumentParser
import EnvtopClient
import EnvtopCore
import EnvtopUI
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `envtop`: watch and operate the work queue of a self-hosted Anthropic environment.
@main
struct Envtop: AsyncParsableCommand {
    static let version = "0.1.0"

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "envtop",
            abstract: "A terminal dashboard for the work queue of a self-hosted Anthropic environment.",
            discussion: """
                Shows the queue's health, every work item and the selected one in full, and stops \
                stuck work after a confirmation. Try it with no account: envtop --demo

                Credentials are read as the Anthropic SDKs read them:
                  ANTHROPIC_ENVIRONMENT_KEY  lists work, reads stats, stops work (needed to watch)
                  ANTHROPIC_API_KEY          reads one item fresh, lists environments
                  ANTHROPIC_AUTH_TOKEN       bearer token, used where neither of the above is set
                  ANTHROPIC_BASE_URL         API base URL (default https://api.anthropic.com)
                \(HelpFiles.text)
                Set NO_COLOR (any value) for the monochrome look (--theme overrides it).
                Press ? in the dashboard for every key.
                """,
            version: version,
            subcommands: [
                ListCommand.self, StatsCommand.self, StopCommand.self, ExporterCommand.self, AuditCommand.self, SimulateCommand.self, KeysCommand.self,
                BenchRenderCommand.self,
            ]
        )
    }

    @OptionGroup var options: DashboardOptions

    static func main() async {
        QuietBacktrace.reexecIfNeeded()
        do {
            var command = try parseAsRoot(nil)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }

    mutating func run() async throws {
        let code = await DashboardLauncher(options: options).run()
        if code != 0 { throw ExitCode(code) }
    }
}
