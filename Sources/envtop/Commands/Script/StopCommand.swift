import ArgumentParser
import EnvtopCore
import EnvtopModels
import EnvtopRuntime
import EnvtopUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#endif

/// `envtop stop`: stops from a script with the dashboard's safety. The targets are read fresh,
/// the profiles' `allow:` and `--read-only` are asked before anything is sent, a production force
/// stop needs its label, a terminal is asked to confirm and a script must say `--yes`; then the
/// dashboard's own paced batch runs (each item re-read before its one stop, the audit log around
/// each), and every target gets a result line.
struct StopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop",
        abstract: "Stop work items (gracefully, or --force) with the dashboard's checks, pacing and audit log.",
        discussion: """
            Targets: work ids, or --filter QUERY (the search line's language, e.g. 'attention:drain_overdue'). \
            Without a terminal, --yes is required; a force stop in a production profile also needs \
            --confirm-environment LABEL. Exit codes: 0 every stop went through (or was not needed), \
            1 a stop failed or an id was not found, 2 usage, config or a refusal before anything was sent.
            """)

    @Argument(help: "Work ids to stop.")
    var ids: [String] = []

    @Option(help: "Stop every item this query matches instead of listed ids.")
    var filter: String?

    @Flag(help: "Force stop: the item becomes stopped at once, without a graceful drain.")
    var force = false

    @Option(help: "Why, for the audit log (and the item's metadata where the profile says record_reason: true).")
    var reason: String?

    @Flag(name: .customLong("dry-run"), help: "Print what would be stopped, send nothing.")
    var dryRun = false

    @Flag(help: "Do not ask: required when stdin is not a terminal.")
    var yes = false

    @Option(name: .customLong("confirm-environment"), help: "A production profile's label, as the dashboard asks it typed for a force stop.")
    var confirmEnvironment: [String] = []

    @OptionGroup var options: DashboardOptions

    func validate() throws {
        if ids.isEmpty == (filter == nil) { throw ValidationError("name work ids or --filter QUERY (one of the two)") }
    }

    func run() async throws {
        let command = self
        try await ScriptRun.command(options) { (launcher, startup) async throws(StartupError) in
            let (state, connection) = try await ScriptRun.load(launcher, startup: startup, filter: command.filter)
            defer { connection.shutdown() }
            if state.feeds.contains(where: { $0.connection.lastError != nil }) { try ScriptRun.verdict(state) }
            try await command.stop(state, connection: connection, startup: startup, launcher: launcher)
        }
    }

    var mode: StopMode { force ? .force : .graceful }

    func stop(_ loaded: AppState, connection: APIConnection, startup: StartupSettings, launcher: DashboardLauncher) async throws(StartupError) {
        var state = loaded
        let plan = StopPlan.make(state, ids: ids, useVisible: filter != nil, mode: mode)
        try plan.checkAllowed(state, mode: mode)
        try plan.checkProduction(
            state, mode: mode, confirmed: confirmEnvironment, reason: reason, interactive: isatty(0) == 1 && !yes)
        let format = launcher.options.output
        if dryRun {
            ScriptRun.write(StopReport.render(plan.dryRun(state, mode: mode), as: format))
            if !plan.missing.isEmpty { throw StartupError(.runtime, "\(plan.missing.count) id(s) not found") }
            return
        }
        guard !plan.targets.isEmpty else {
            ScriptRun.write(StopReport.render(plan.missingLines(), as: format))
            throw StartupError(.runtime, "nothing to stop: no id was found")
        }
        if !yes {
            guard isatty(0) == 1 else {
                throw StartupError(.usage, "refusing to stop \(plan.targets.count) item(s) without --yes: stdin is not a terminal (try --dry-run first)")
            }
            try plan.ask(state, mode: mode)
        }
        guard let api = connection.api else { throw StartupError(.runtime, "no environment to stop in") }
        let effects = state.startBatch(mode, refs: plan.targets, reason: reason)
        await StateDriver.settle(
            &state, effects: effects, api: api, audit: DashboardLauncher.auditTrail(startup, state.options))
        let lines = StopReport.results(state, plan: plan, mode: mode)
        ScriptRun.write(StopReport.render(lines, as: format))
        let failed = lines.filter { $0.result == "failed" || $0.result == "not_found" }.count
        if failed > 0 { throw StartupError(.runtime, "\(failed) of \(lines.count) stop(s) failed") }
    }
}
