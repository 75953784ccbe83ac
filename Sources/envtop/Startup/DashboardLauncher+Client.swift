import EnvtopClient
import EnvtopCore
import EnvtopRuntime
import EnvtopUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging

extension DashboardLauncher {
    /// The client step: a client per profile (its base URL, its keys), then which environments
    /// each serves; for `--demo`, a simulator started here and its two profiles.
    func connect(_ startup: StartupSettings) async throws(StartupError) -> APIConnection {
        var demo: DemoEnvironment?
        var profiles: [ProfileConfig]
        if options.demo {
            do {
                let started = try await DemoEnvironment.start(seed: options.seed)
                demo = started
                profiles = WatchProfiles.demo(baseURL: started.server.baseURL, environments: started.server.environmentIDs)
            } catch {
                throw StartupError(.runtime, "Could not start the demo simulator: \(error)")
            }
        } else {
            profiles = try WatchProfiles.choose(options, startup)
        }
        var clients: [(profile: ProfileConfig, client: HTTPWorkClient)] = []
        for profile in profiles {
            let credentials: Credentials
            if let demo { credentials = demo.credentials } else { credentials = try self.credentials(for: profile, startup) }
            let client = HTTPWorkClient(
                configuration: clientConfiguration(profile, startup), credentials: credentials, logger: startup.logger)
            startup.logger.info(
                "profile",
                metadata: ["profile": "\(profile.name)", "base_url": "\(SafeFiles.redactingUserInfo(profile.baseURL))", "credentials": "\(credentials)", "demo": "\(options.demo)"])
            clients.append((profile, client))
        }
        let connection = APIConnection(clients: clients.map(\.client), demo: demo)
        do {
            let plan = try await resolve(clients.map { ($0.profile, $0.client as any DashboardAPI) }, startup)
            let routes = Dictionary(uniqueKeysWithValues: plan.environments.map { env in
                (env.id, clients.first { $0.profile.name == env.profile }!.client as any DashboardAPI)
            })
            return connection.watching(plan.environments, api: RoutedDashboardAPI(routes: routes, default: clients[0].client))
        } catch {
            connection.shutdown()
            throw error
        }
    }

    /// Which environments the profiles serve; an error names the file and line of the profile,
    /// or for the implicit profile says what to pass instead.
    private func resolve(
        _ profiles: [(ProfileConfig, any DashboardAPI)], _ startup: StartupSettings
    ) async throws(StartupError) -> WatchPlan {
        let implicit = profiles.count == 1 && profiles[0].0.line == 0 && !options.demo
        let progress = StartupProgress("asking \(SafeText.visible(profiles.map { SafeFiles.redactingUserInfo($0.0.baseURL) }.joined(separator: ", "))) which environments to watch")
        do {
            let plan = try await WatchPlan.resolve(
                profiles: profiles, file: startup.configPath, only: implicit ? [] : options.environment)
            await progress.finish()
            return plan
        } catch {
            await progress.finish()
            guard implicit else { throw StartupError(.config, error.description) }
            let message = error.message.replacing("profile '\(WatchProfiles.implicitName)': ", with: "")
            throw StartupError(.runtime, "\(message)\nPass --environment env_... to watch one directly.")
        }
    }

    /// A profile's keys: its own sources, else the standard variables; none at all is an error.
    private func credentials(for profile: ProfileConfig, _ startup: StartupSettings) throws(StartupError) -> Credentials {
        let credentials: Credentials
        do {
            credentials = try ProfileCredentials.resolve(profile, file: startup.configPath, environment: startup.environment)
        } catch {
            throw StartupError(.config, error.description)
        }
        guard credentials.hasAny else {
            if profile.line > 0 {
                throw StartupError(.config, """
                    \(startup.configPath):\(profile.line): profile '\(profile.name)' has no key: set api_key_env, \
                    api_key_file or api_key_command (and environment_key_...), or export ANTHROPIC_ENVIRONMENT_KEY
                    """)
            }
            throw StartupError(.usage, """
                No credentials. envtop reads them as the Anthropic SDKs do:
                  export ANTHROPIC_ENVIRONMENT_KEY=...   # lists work and stops it (needed)
                  export ANTHROPIC_API_KEY=...           # lists environments, reads items
                Or name key files or commands per profile in the config file (README: "Profiles").
                Or try it with no account: envtop --demo
                """)
        }
        return credentials
    }

    /// The client settings of a profile: its base URL and workspace, the proxy variables, and
    /// timeouts fit for a dashboard.
    private func clientConfiguration(_ profile: ProfileConfig, _ startup: StartupSettings) -> ClientConfiguration {
        var configuration = ClientConfiguration.fromEnvironment(startup.environment)
        configuration.baseURL = profile.baseURL
        if options.demo { configuration.proxy = .none }
        if let workspace = profile.workspace { configuration.workspaceID = workspace }
        // A dashboard wants to hear of a dead API in seconds, not after the SDK's long waits:
        // AsyncHTTPClient retries a refused connect until the connect timeout runs out. The
        // refresh cycle is the one place that retries and backs off (AppState.Options.retryCap),
        // so the client makes one attempt per call; a stop is never retried in any case.
        configuration.requestTimeout = Self.requestTimeout(refresh: startup.settings.refresh)
        configuration.connectTimeout = .seconds(3)
        if let timeout = scriptTimeout {
            // A script wants its answer or its error within --timeout.
            configuration.connectTimeout = .milliseconds(Int(timeout * 1000))
            configuration.requestTimeout = .milliseconds(Int(max(timeout, 5) * 1000))
        }
        if let mib = startup.file.maxResponseMiB { configuration.maxResponseBytes = Int(mib * 1024 * 1024) }
        configuration.retryConnectionEstablishment = false
        configuration.retry.maxRetries = 0
        return configuration
    }

    /// How long one call may take: twice the refresh interval, at least 5 s and at most 20 s, so
    /// a hanging API fails a cycle soon after the header has already said STALE.
    static func requestTimeout(refresh: Double) -> Duration {
        .milliseconds(Int(min(20, max(5, 2 * refresh)) * 1000))
    }
}
