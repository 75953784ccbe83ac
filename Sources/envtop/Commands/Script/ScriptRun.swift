import ArgumentParser
import EnvtopClient
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

extension OutputFormat: ExpressibleByArgument {}

/// What `--once`, `envtop list` and `envtop stats` share: connect within `--timeout`, load the
/// stats and every page through the dashboard's own reducer (stopping at the first failed call:
/// a script wants the error, not retries), print data on stdout, and end with the documented
/// exit code: 0, 1 when the API failed, 3 when a runbook rule is failing.
enum ScriptRun {
    /// The state after one full load, and the connection to close when done.
    static func load(
        _ launcher: DashboardLauncher, startup: StartupSettings, filter: String? = nil
    ) async throws(StartupError) -> (AppState, APIConnection) {
        if let filter, case .failure(let error) = SearchQuery.parse(filter) {
            throw StartupError(.usage, "--filter: column \(error.position + 1): \(error.message)")
        }
        let connection = try await connect(launcher, startup: startup)
        guard let api = connection.api else {
            connection.shutdown()
            throw StartupError(.runtime, "no environment to read")
        }
        let width = Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 120
        var state = AppState(
            options: DashboardLauncher.stateOptions(startup, connection), size: Size(width: max(60, width), height: 40), now: Date())
        let effects = state.apply(.tick(Date()))
        await StateDriver.settle(&state, effects: effects, api: api, stopAtFirstFailure: true)
        if let filter { _ = state.search(for: filter) }
        return (state, connection)
    }

    /// The profiles, their clients and environments, within `--timeout`: an API that does not
    /// answer at all fails the script in that time, whatever the calls inside would wait.
    static func connect(_ launcher: DashboardLauncher, startup: StartupSettings) async throws(StartupError) -> APIConnection {
        let timeout = launcher.options.timeout
        let outcome = await withTaskGroup(of: Attempt.self) { group in
            group.addTask { await attempt(launcher, startup) }
            group.addTask {
                try? await Task.sleep(for: .milliseconds(Int(timeout * 1000)))
                return .timedOut
            }
            let first = await group.next() ?? .timedOut
            group.cancelAll()
            return first
        }
        switch outcome {
        case .connected(let connection): return connection
        case .failed(let error): throw error
        case .timedOut:
            throw StartupError(.runtime, "the API did not answer within \(ScriptRun.seconds(timeout)) (--timeout)")
        }
    }

    enum Attempt: Sendable {
        case connected(APIConnection)
        case failed(StartupError)
        case timedOut
    }

    /// The connect step as a value. A plain function, not the task group's closure: a typed
    /// `do` inside `addTask` is miscompiled by Swift 6.3.1 under -O (see ProfileEnvironments).
    static func attempt(_ launcher: DashboardLauncher, _ startup: StartupSettings) async -> Attempt {
        do {
            return .connected(try await launcher.connect(startup))
        } catch {
            return .failed(error)
        }
    }

    /// After the data is printed: the first API failure (exit 1), else a failing rule (exit 3).
    static func verdict(_ state: AppState) throws(StartupError) {
        if let failed = state.feeds.first(where: { $0.connection.lastError != nil }), let error = failed.connection.lastError {
            let which = state.feeds.count > 1 ? " for \(state.tag(failed.environmentID))" : ""
            throw StartupError(.runtime, "the API failed\(which): \(error)")
        }
        let failing = state.feeds.flatMap { feed in feed.rules.firing.map { (feed.environmentID, $0.rule) } }
        if !failing.isEmpty {
            let list = failing.map { "\($0.1.title) in \(state.tag($0.0))" }.joined(separator: ", ")
            throw StartupError(.health, "runbook rule failing: \(list)")
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))s" : "\(value)s"
    }

    /// Writes `text` to stdout as it is (the formats end their own lines). A reader that went
    /// away (`envtop list | head`) ends envtop quietly: it chose to read no more.
    static func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                exit(errno == EPIPE ? 0 : 1)
            }
            bytes = bytes.dropFirst(written)
        }
    }
}

extension ScriptRun {
    /// What `--once`, `list` and `stats` do: load, print what `render` makes of the state in the
    /// chosen format, and end as `verdict` says.
    static func emit(
        _ launcher: DashboardLauncher, startup: StartupSettings, filter: String? = nil,
        render: (AppState, OutputFormat) -> String
    ) async throws(StartupError) {
        let (state, connection) = try await load(launcher, startup: startup, filter: filter)
        defer { connection.shutdown() }
        write(render(state, launcher.options.output))
        try verdict(state)
    }

    /// A script subcommand's whole run: its exit code, its error on stderr.
    static func command(
        _ options: DashboardOptions, _ body: (DashboardLauncher, StartupSettings) async throws(StartupError) -> Void
    ) async throws {
        let code = await DashboardLauncher(options: options, script: true).script(body)
        if code != 0 { throw ExitCode(code) }
    }
}
