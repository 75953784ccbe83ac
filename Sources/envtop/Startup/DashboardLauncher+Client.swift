import EnvtopClient
import EnvtopCore
import EnvtopUI
import Foundation
import Logging

extension DashboardLauncher {
    /// The client step: where to connect and with what; for `--demo`, a simulator started here.
    func connect(_ startup: StartupSettings) async throws(StartupError) -> APIConnection {
        let env = startup.environment
        let settings = startup.settings
        var configuration = ClientConfiguration.fromEnvironment(env)
        var credentials = Credentials.fromEnvironment(env)
        var demo: DemoEnvironment?
        if options.demo {
            do {
                let started = try await DemoEnvironment.start(seed: options.seed)
                demo = started
                configuration.baseURL = started.server.baseURL
                configuration.proxy = .none
                credentials = started.credentials
            } catch {
                throw StartupError(.runtime, "Could not start the demo simulator: \(error)")
            }
        } else {
            if let baseURL = settings.baseURL { configuration.baseURL = baseURL }
            guard credentials.hasAny else {
                throw StartupError(.usage, """
                    No credentials. envtop reads them as the Anthropic SDKs do:
                      export ANTHROPIC_ENVIRONMENT_KEY=...   # lists work and stops it (needed)
                      export ANTHROPIC_API_KEY=...           # lists environments, reads items
                    Or try it with no account: envtop --demo
                    """)
            }
        }
        if let workspace = settings.workspace { configuration.workspaceID = workspace }
        // A dashboard wants to hear of a dead API in seconds, not after the SDK's long waits:
        // AsyncHTTPClient retries a refused connect until the connect timeout runs out. The
        // refresh cycle is the one place that retries and backs off (AppState.Options.retryCap),
        // so the client makes one attempt per call; a stop is never retried in any case.
        configuration.requestTimeout = Self.requestTimeout(refresh: settings.refresh)
        configuration.connectTimeout = .seconds(3)
        configuration.retry.maxRetries = 0
        let client = HTTPWorkClient(configuration: configuration, credentials: credentials, logger: startup.logger)
        startup.logger.info(
            "starting",
            metadata: ["base_url": "\(configuration.baseURL)", "credentials": "\(credentials)", "demo": "\(options.demo)"])
        return APIConnection(client: client, demo: demo)
    }

    /// How long one call may take: twice the refresh interval, at least 5 s and at most 20 s, so
    /// a hanging API fails a cycle soon after the header has already said STALE.
    static func requestTimeout(refresh: Double) -> Duration {
        .milliseconds(Int(min(20, max(5, 2 * refresh)) * 1000))
    }
}
