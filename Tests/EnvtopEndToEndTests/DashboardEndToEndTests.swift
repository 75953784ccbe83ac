import EnvtopClient
import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

/// The real binary in tmux against a real simulator, driven as an operator would.
@Suite("envtop in a terminal", .serialized, .enabled(if: Tmux.isAvailable || TestBinary.isCI, "tmux is not installed"))
struct DashboardEndToEndTests {
    /// A quiet environment with six items: three claimed by a "worker" (this test) and active,
    /// three still queued. Nothing else touches it.
    struct Fixture: SimulatorFixture {
        let server: SimulatorServer
        let environmentID: String
        let active: [WorkItem]
        let queued: [WorkItem]
        let envFile: String
        let logFile: String
        /// What the simulator was started with: a restart on the same port reuses it.
        let configuration: SimulatorConfiguration

        static func make() async throws -> Fixture {
            let config = DashboardEndToEndTests.quietConfiguration()
            let server = try await SimulatorServer.start(config)
            let env = server.environmentIDs[0]
            var items: [WorkItem] = []
            for n in 0..<6 {
                items += try await server.enqueue(environmentID: env, count: 1, metadata: ["job": "e2e-\(n)"])
            }
            // Act as a worker for three of them, so they are really active with a lease.
            let worker = HTTPWorkClient(
                configuration: ClientConfiguration(baseURL: server.baseURL),
                credentials: Credentials(environmentKey: config.environmentKeys[0]))
            var active: [WorkItem] = []
            for _ in 0..<3 {
                guard let polled = try await worker.poll(
                    environmentID: env, workerID: "e2e-worker", blockMilliseconds: 100, reclaimOlderThanMilliseconds: nil)
                else { break }
                _ = try await worker.ack(environmentID: env, workID: polled.id)
                _ = try await worker.heartbeat(
                    environmentID: env, workID: polled.id, desiredTTLSeconds: 600,
                    expectedLastHeartbeat: APIConstants.noHeartbeat, sessionToken: polled.secret)
                active.append(try #require(await server.workItem(environmentID: env, id: polled.id)))
            }
            await worker.shutdown()
            let activeIDs = Set(active.map(\.id))
            let queued = items.filter { !activeIDs.contains($0.id) }
            // Credentials reach the shell through a private file, never a command line.
            let dir = try makeFolder()
            let envFile = dir.appendingPathComponent("env").path
            let text = """
                export ANTHROPIC_BASE_URL='\(server.baseURL)'
                export ANTHROPIC_ENVIRONMENT_KEY='\(config.environmentKeys[0])'
                export ANTHROPIC_API_KEY='\(config.apiKeys[0])'
                export LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_STATE_HOME='\(dir.path)/state'

                """
            _ = FileManager.default.createFile(atPath: envFile, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
            var restart = config
            restart.port = server.port
            return Fixture(
                server: server, environmentID: env, active: active, queued: queued, envFile: envFile,
                logFile: dir.appendingPathComponent("envtop.log").path, configuration: restart)
        }

        func state(of item: WorkItem) async -> WorkState? {
            await server.workItem(environmentID: environmentID, id: item.id)?.state
        }

        /// Waits until the simulator reports `state` for the item.
        func waitForState(_ item: WorkItem, _ state: WorkState, timeout: Double = 10) async throws {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if await self.state(of: item) == state { return }
                try await Task.sleep(for: .milliseconds(100))
            }
            Issue.record("\(item.id) is \(await self.state(of: item).map(\.rawValue) ?? "missing"), expected \(state)")
        }
    }

    /// A simulator nothing but the test touches (no history, arrivals or misbehaviour), with
    /// keys of its own, and `workers` healthy simulated workers per environment.
    static func quietConfiguration(workers: Int = 0) -> SimulatorConfiguration {
        var config = SimulatorConfiguration()
        config.workersPerEnvironment = workers
        config.arrivalRatePerSecond = 0
        config.initialItemsPerEnvironment = 0
        config.troubleEnabled = false
        config.environmentKeys = ["e2e-env-key-\(UUID().uuidString)"]
        config.apiKeys = ["e2e-api-key-\(UUID().uuidString)"]
        return config
    }

    /// `recording`: a file that receives every byte written to the pane (BEL, OSC 52...).
    func launch(
        _ fixture: Fixture, tmux: Tmux, width: Int = 120, height: Int = 40, refresh: Double = 0.5, extra: String = "",
        recording: String? = nil
    ) async throws {
        let binary = try #require(TestBinary.envtop, "the envtop executable is not built: run swift build")
        try tmux.start(width: width, height: height)
        if let recording { try tmux.recordOutput(to: recording) }
        try tmux.type(". '\(fixture.envFile)'; '\(binary)' --environment \(fixture.environmentID) --refresh \(refresh) --log-file '\(fixture.logFile)' \(extra)")
        try tmux.press("Enter")
        try await tmux.waitFor("the dashboard with its items", timeout: 20) { screen in
            fixture.active.allSatisfy { screen.contains($0.id) || screen.contains(String($0.id.prefix(16))) }
        }
    }

    /// Asks the shell for its terminal modes: after envtop exits, echo and line editing are back.
    ///
    /// The question is typed again if no answer comes: on a loaded machine it can reach the
    /// terminal while envtop is still restoring it, and restoring discards input typed ahead.
    /// What is checked (the modes the shell reports) does not change.
    @discardableResult
    func assertShellUsable(_ tmux: Tmux) async throws -> String {
        for attempt in 1...3 {
            try tmux.type("stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e echo | sort | tr '\\n' ' '; echo SHELL-OK")
            try tmux.press("Enter")
            do {
                return try await tmux.waitFor("the shell to answer", timeout: attempt < 3 ? 4 : 10) { $0.contains("echo icanon SHELL-OK") }
            } catch is TmuxTimeout where attempt < 3 {
                continue  // typed while envtop was still restoring the terminal: ask again
            }
        }
        throw TmuxTimeout(what: "the shell to answer", screen: try tmux.screen())
    }

    /// The line of the screen that holds the selection marker.
    func selectedLine(_ screen: String) -> String? {
        screen.split(separator: "\n").first { $0.contains("▶") }.map(String.init)
    }

    /// Types a search for the item's id so it is the only row, and the one selected.
    func isolate(_ item: WorkItem, among all: [WorkItem], tmux: Tmux) async throws {
        try tmux.press("Escape")
        try tmux.type("/\(item.id)")
        try tmux.press("Enter")
        try await tmux.waitFor("\(item.id) selected alone") { screen in
            self.selectedLine(screen)?.contains(String(item.id.prefix(16))) == true
                && all.allSatisfy { $0.id == item.id || !screen.contains(String($0.id.prefix(16))) }
        }
    }

    @Test("SIGTERM ends the dashboard and the terminal is restored")
    func sigterm() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.dispose() }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await launch(fixture, tmux: tmux)
        let kill = Process()
        kill.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        // The log file is this test's own, so no other envtop (a parallel run, a demo) is hit.
        kill.arguments = ["-TERM", "-f", "envtop.*environment \(fixture.environmentID).*log-file '?\(fixture.logFile)"]
        try kill.run()
        kill.waitUntilExit()
        try await tmux.waitFor(text: "$ ")
        try await assertShellUsable(tmux)
    }

    @Test("navigate, search, stop, force stop, cancel, resize, quit: the simulator sees exactly what was confirmed")
    func operatorSession() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.dispose() }
        #expect(fixture.active.count == 3)
        let tmux = Tmux()
        defer { tmux.kill() }
        try await launch(fixture, tmux: tmux)

        // The header shows the queue and the list shows every item.
        var screen = try tmux.screen()
        #expect(screen.contains("depth"))
        for item in fixture.active + fixture.queued {
            #expect(screen.contains(String(item.id.prefix(16))), "missing \(item.id)")
        }

        // Navigate: j moves the selection to another row.
        let before = try #require(selectedLine(screen))
        try tmux.press("j")
        screen = try await tmux.waitFor("the selection to move") { self.selectedLine($0) != before }

        // Search narrows the list to the matching item.
        let target = fixture.active[0]
        try await isolate(target, among: fixture.active + fixture.queued, tmux: tmux)
        screen = try tmux.screen()
        #expect(!screen.contains(String(fixture.active[1].id.prefix(16))))

        // Stop (graceful): the dialog names the item; y confirms; the simulator has it stopping.
        try tmux.press("s")
        screen = try await tmux.waitFor(text: "Cancel")
        #expect(screen.contains(target.id))
        try tmux.press("y")
        try await fixture.waitForState(target, .stopping)
        try await tmux.waitFor(text: "stopping")

        // Cancel stops nothing: Esc, and Enter on the default button.
        let spared = fixture.active[1]
        try await isolate(spared, among: fixture.active + fixture.queued, tmux: tmux)
        try tmux.press("s")
        try await tmux.waitFor(text: "Cancel")
        try tmux.press("Escape")
        try await tmux.waitFor(text: "nothing was stopped")
        try tmux.press("S")
        try await tmux.waitFor(text: "Cancel")
        try tmux.press("Enter")
        try await tmux.waitFor(text: "nothing was stopped")
        try await Task.sleep(for: .seconds(1.5))
        #expect(await fixture.state(of: spared) == .active)

        // Force stop: only y confirms; the simulator has it stopped at once.
        let forced = fixture.active[2]
        try await isolate(forced, among: fixture.active + fixture.queued, tmux: tmux)
        try tmux.press("S")
        screen = try await tmux.waitFor(text: "Cancel")
        #expect(screen.contains(forced.id))
        try tmux.press("y")
        try await fixture.waitForState(forced, .stopped)
        #expect(await fixture.state(of: spared) == .active)
        #expect(await fixture.state(of: target) == .stopping)

        // Resize: the dashboard reflows to the new size without restarting.
        try tmux.press("Escape")
        try tmux.resize(width: 80, height: 24)
        screen = try await tmux.waitFor("the 80-column layout") { screen in
            screen.contains("depth") && screen.split(separator: "\n").allSatisfy { $0.count <= 80 }
        }
        try tmux.resize(width: 50, height: 12)
        try await tmux.waitFor("the too-small message") { $0.lowercased().contains("too small") }
        try tmux.resize(width: 120, height: 40)
        try await tmux.waitFor(text: "depth")

        // Quit, and the shell is usable: echo and line editing are back.
        try tmux.press("q")
        try await tmux.waitFor(text: "$ ")
        screen = try await assertShellUsable(tmux)
        #expect(!screen.contains("\u{1b}"))
    }
}
