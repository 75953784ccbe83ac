import EnvtopClient
import EnvtopCore
import EnvtopModels
import EnvtopTerminal
import Foundation
import Logging

/// Everything between the parsed command line and the running dashboard: credentials, the demo
/// simulator, the environment, `--once`, the terminal checks. Returns the process exit code.
struct DashboardLauncher {
    let options: DashboardOptions

    func run() async -> Int32 {
        let env = ProcessInfo.processInfo.environment
        // Command line > config file > defaults; a broken config stops envtop before anything starts.
        let fileConfig: EnvtopConfig
        switch ConfigFile.load(explicitPath: options.config) {
        case .success(let config): fileConfig = config
        case .failure(let problem):
            Console.error("\(problem)")
            return 2
        }
        let settings = EnvtopSettings.merge(commandLine: options.commandLineConfig, file: fileConfig, environment: env)
        let logPath = settings.logFile.map(ThemeSelection.expandingTilde) ?? AppPaths.defaultLogFile
        let sink = FileLogHandler.Sink(path: logPath)
        let level = env["ENVTOP_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let logger = Logger(label: "envtop") { label in
            var handler = FileLogHandler(label: label, sink: sink)
            handler.logLevel = level
            return handler
        }

        let catalog = ThemeCatalog.standard()
        if options.listThemes {
            let choice = ThemeChoice.make(commandLine: options.theme, config: fileConfig.theme, environment: env)
            print(ThemeListing.render(
                catalog: catalog, startsWith: choice.reference.themeName, noColor: ColorDepth.isNoColorRequested(env)))
            return 0
        }
        let themes: ThemeSelection
        switch ThemeSelection.resolve(commandLine: options.theme, config: fileConfig.theme, environment: env, catalog: catalog) {
        case .success(let selection): themes = selection
        case .failure(let problem):
            Console.error(problem.description)
            return 2
        }
        for broken in themes.skipped {
            logger.warning("theme left out of the t cycle: \(broken)")
        }

        // Where to connect, and with what.
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
                Console.error("Could not start the demo simulator: \(error)")
                return 1
            }
        } else {
            if let baseURL = settings.baseURL { configuration.baseURL = baseURL }
            guard credentials.hasAny else {
                Console.error("""
                    No credentials. envtop reads them as the Anthropic SDKs do:
                      export ANTHROPIC_ENVIRONMENT_KEY=...   # lists work and stops it (needed)
                      export ANTHROPIC_API_KEY=...           # lists environments, reads items
                    Or try it with no account: envtop --demo
                    """)
                return 2
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
        let client = HTTPWorkClient(configuration: configuration, credentials: credentials, logger: logger)
        defer {
            let shutdownDemo = demo
            let done = DispatchSemaphore(value: 0)
            Task.detached {
                await client.shutdown()
                await shutdownDemo?.server.shutdown()
                done.signal()
            }
            _ = done.wait(timeout: .now() + 5)
        }
        logger.info("starting", metadata: ["base_url": "\(configuration.baseURL)", "credentials": "\(credentials)", "demo": "\(options.demo)"])

        // The demo's environments are its own: a configured environment would not exist there.
        let requested = options.demo ? (options.environment ?? demo?.server.environmentIDs.first) : settings.environment
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 && !options.once
        let environmentID: String
        let environmentName: String?
        switch await EnvironmentChooser.choose(api: client, requested: requested, interactive: interactive) {
        case .chosen(let id, let name):
            environmentID = id
            environmentName = name
        case .failed(let message):
            Console.error(message)
            return 1
        }

        let stateOptions = AppState.Options(
            environmentID: environmentID, environmentName: environmentName, readOnly: settings.readOnly,
            refreshInterval: settings.refresh, thresholds: settings.thresholds)

        if options.once {
            return await OnceSnapshot.print(options: stateOptions, api: client)
        }

        if let problem = TerminalPreflight.check() {
            Console.error("\(problem)\nFor a plain-text snapshot instead, run: envtop --once")
            return 2
        }

        let inbox = AsyncStream<DashboardRuntime.Message>.makeStream(bufferingPolicy: .unbounded)
        let post = inbox.continuation
        let terminal = CursesTerminal(
            theme: themes.cycle.current, colorDepth: themes.forcedDepth, logFile: logPath,
            onInput: { input in
                switch input {
                case .key(let key): post.yield(.event(.key(key)))
                case .mouse(let mouse): post.yield(.event(.mouse(mouse)))
                case .paste(let text): post.yield(.event(.paste(text)))
                case .resize(let size): post.yield(.event(.resize(size)))
                case .signal(let number):
                    logger.info("signal \(number): quitting")
                    post.yield(.event(.quitRequested))
                }
            })
        do {
            try terminal.start()
        } catch {
            Console.error("\(error)")
            return 2
        }
        let state = AppState(options: stateOptions, size: terminal.size, now: Date())
        let runtime = DashboardRuntime(
            api: client, terminal: terminal, themes: themes.cycle, logger: logger, inbox: inbox)
        await runtime.run(state)
        terminal.stop()
        return 0
    }
}

extension DashboardLauncher {
    /// How long one call may take: twice the refresh interval, at least 5 s and at most 20 s, so
    /// a hanging API fails a cycle soon after the header has already said STALE.
    static func requestTimeout(refresh: Double) -> Duration {
        .milliseconds(Int(min(20, max(5, 2 * refresh)) * 1000))
    }
}

/// Messages for the operator outside the dashboard (before it starts or after it ends).
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("envtop: " + message + "\n").utf8))
    }
}
