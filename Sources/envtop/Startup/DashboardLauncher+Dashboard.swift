import EnvtopClient
import EnvtopCore
import EnvtopUI
import EnvtopRuntime
import EnvtopTerminal
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension DashboardLauncher {
    /// The terminal step: a screen curses can drive, big enough, before anything is drawn.
    func preflight() throws(StartupError) {
        if let problem = TerminalPreflight.check() {
            throw StartupError(.terminal, "\(problem)\nFor a plain-text snapshot instead, run: envtop --once")
        }
    }

    /// The last step: the terminal, the runtime between it and the API, until the operator quits.
    func runDashboard(
        _ stateOptions: AppState.Options, themes: ThemeSelection, api: any DashboardAPI, startup: StartupSettings
    ) async throws(StartupError) {
        let (input, continuation) = AsyncStream<RuntimeInput>.makeStream(bufferingPolicy: .unbounded)
        var terminalOptions = TerminalOptions.standard
        terminalOptions.mouse = startup.settings.mouse
        let terminal = CursesTerminal(
            theme: themes.ring.current, colorDepth: themes.forcedDepth, logFile: startup.logPath, options: terminalOptions,
            onInput: { continuation.yield(RuntimeInput($0)) })
        do {
            try terminal.start()
        } catch {
            throw StartupError(.terminal, "\(error)")
        }
        let state = AppState(options: stateOptions, size: terminal.size, now: Date())
        let audit = Self.auditTrail(startup, stateOptions)
        let runtime = DashboardRuntime(
            api: api, terminal: CursesOutput(terminal: terminal), themes: themes.ring, logger: startup.logger, audit: audit)
        await runtime.run(state, input: input)
        terminal.stop()
        continuation.finish()
    }
}

extension DashboardLauncher {
    /// Where every stop and metadata update is recorded before it is sent and after it is
    /// answered (README "Audit log"); nil with `audit: off`.
    static func auditTrail(_ startup: StartupSettings, _ stateOptions: AppState.Options) -> AuditTrail? {
        guard startup.settings.audit else { return nil }
        let profiles = Dictionary(stateOptions.environments.map { ($0.id, $0.profile) }, uniquingKeysWith: { a, _ in a })
        return AuditTrail(
            log: AuditLog(path: AppPaths.auditLog), user: AuditTrail.currentUser(ProcessInfo.processInfo.environment),
            profiles: profiles)
    }
}
