import EnvtopClient
import EnvtopCore
import EnvtopUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Everything between the parsed command line and the running dashboard, as steps run in order:
/// the config, the themes, the profiles with a client each (or the demo) and the environments
/// they serve, then `--once` or the terminal checks and the dashboard. A step that cannot go on throws a `StartupError`, which
/// carries its message and exit code; `run()` prints it and returns the code.
struct DashboardLauncher {
    let options: DashboardOptions
    /// Seconds a script (`--once`, `list`, `stats`, `stop`) waits for the API; nil for the dashboard.
    var scriptTimeout: Double?

    /// `script`: a script command (`list`, `stats`, `stop`); `--once` is one too.
    init(options: DashboardOptions, script: Bool = false) {
        self.options = options
        scriptTimeout = script || options.once ? options.timeout : nil
    }

    /// Runs every step; the process exit code.
    func run() async -> Int32 {
        do {
            try await launch()
            return 0
        } catch {
            Console.error(error.message)
            return error.exitCode
        }
    }

    /// Runs a script command's `body` after the config step; the process exit code (its error
    /// printed to stderr).
    func script(
        _ body: (DashboardLauncher, StartupSettings) async throws(StartupError) -> Void
    ) async -> Int32 {
        do {
            let startup = try StartupSettings.load(options: options, environment: ProcessInfo.processInfo.environment)
            try await body(self, startup)
            return 0
        } catch {
            Console.error(error.message)
            return error.exitCode
        }
    }

    private func launch() async throws(StartupError) {
        let startup = try StartupSettings.load(options: options, environment: ProcessInfo.processInfo.environment)
        if options.listThemes { return listThemes(startup) }
        let themes = try resolveThemes(startup)
        if options.once {
            // `--once`: the snapshot in the chosen format.
            return try await ScriptRun.emit(self, startup: startup) { state, format in ScriptOutput.snapshot(state, as: format) }
        }
        let connection = try await connect(startup)
        defer { connection.shutdown() }
        guard let api = connection.api else { return }
        let stateOptions = Self.stateOptions(startup, connection)
        try preflight()
        try await runDashboard(stateOptions, themes: themes, api: api, startup: startup)
    }

    /// What the state is built with: the environments found, the settings, the config's views and keys.
    static func stateOptions(_ startup: StartupSettings, _ connection: APIConnection) -> AppState.Options {
        let settings = startup.settings
        var stateOptions = AppState.Options(
            environments: withRunbooks(connection.environments, file: startup.file), readOnly: settings.readOnly,
            refreshInterval: settings.refresh, thresholds: settings.thresholds)
        stateOptions.bell = settings.bell
        stateOptions.batchStopsPerSecond = settings.batchStopsPerSecond
        if let cap = startup.file.maxRetryAfter { stateOptions.maxRetryAfter = cap }
        stateOptions.views = SavedView.all(configured: startup.file.views)
        stateOptions.keys = startup.file.keys ?? .standard
        stateOptions.asciiCharts = asciiCharts(ProcessInfo.processInfo.environment)
        return stateOptions
    }

    /// Each environment's runbook thresholds: its profile's `runbook:`, else the file's.
    static func withRunbooks(_ environments: [WatchedEnvironment], file: EnvtopConfig) -> [WatchedEnvironment] {
        environments.map { environment in
            var environment = environment
            let profile = file.profiles.first { $0.name == environment.profile }
            environment.runbook = RunbookConfig.thresholds(profile: profile?.runbook ?? RunbookConfig(), file: file.runbook)
            return environment
        }
    }

    /// Block elements need a Unicode font: the Linux console and VT terminals get ASCII charts,
    /// as does anyone who sets `ENVTOP_ASCII=1`.
    static func asciiCharts(_ environment: [String: String]) -> Bool {
        if environment["ENVTOP_ASCII"] == "1" { return true }
        let term = environment["TERM"] ?? ""
        return term == "linux" || term.hasPrefix("vt") || term == "dumb"
    }
}
