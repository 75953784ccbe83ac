import EnvtopClient
import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

/// The live model against a real simulator: what the API forgot disappears, a dead API shows
/// within seconds, a stop is sent once, a paste is never keys, the cursor stays put.
extension DashboardEndToEndTests {
    static let stopRoute = SimulatorRoute.stop.rawValue

    func stopRequests(_ server: SimulatorServer) async -> Int {
        await server.requestCounts()[Self.stopRoute] ?? 0
    }

    /// The same environment after a restart on the same port, holding only `count` items: the
    /// same seed names them as the first `count` items of the first run.
    func restart(_ fixture: Fixture, keeping count: Int) async throws -> SimulatorServer {
        let server = try await SimulatorServer.start(fixture.configuration)
        for n in 0..<count {
            _ = try await server.enqueue(environmentID: fixture.environmentID, count: 1, metadata: ["job": "e2e-\(n)"])
        }
        return server
    }

    /// Waits for `condition`, and says how long it took.
    func timed(_ tmux: Tmux, _ what: String, timeout: Double, _ condition: (String) -> Bool) async throws -> Double {
        let started = Date()
        try await tmux.waitFor(what, timeout: timeout, condition)
        return Date().timeIntervalSince(started)
    }

    @Test("the API killed: STALE within 5 s; restarted with fewer items: live within 5 s, totals equal the API's, no ghost rows")
    func restartWithFewerItems() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.removeFiles() }  // the test stops and restarts the simulator itself
        let tmux = Tmux()
        defer { tmux.kill() }
        try await launch(fixture, tmux: tmux, refresh: 2)
        try await tmux.waitFor(text: "6 total")
        let all = fixture.active + fixture.queued

        await fixture.server.shutdown()
        // 5 s is the promise; the extra second is for capturing the screen on a loaded machine.
        let toStale = try await timed(tmux, "STALE after the API died", timeout: 6) { $0.contains("STALE") }
        #expect(toStale <= 6)

        let second = try await restart(fixture, keeping: 2)
        defer { Task { await second.shutdown() } }
        let toLive = try await timed(tmux, "live again after the restart", timeout: 6) { !$0.contains("STALE") }
        #expect(toLive <= 6)

        let kept = Set(await second.items(environmentID: fixture.environmentID).map(\.id))
        #expect(kept.count == 2)
        let screen = try await tmux.waitFor("the API's 2 items and nothing else", timeout: 10) { screen in
            screen.contains("2 total")
                && all.allSatisfy { kept.contains($0.id) == screen.contains(String($0.id.prefix(16))) }
        }
        #expect(!screen.contains("6 total"))
        try tmux.press("q")
        try await tmux.waitFor(text: "$ ")
    }

    @Test("a stop on an item the API forgot answers 404 and removes its row")
    func ghostStop() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.removeFiles() }  // the test stops and restarts the simulator itself
        let tmux = Tmux()
        defer { tmux.kill() }
        try await launch(fixture, tmux: tmux)
        try tmux.press("p")  // paused: no refresh removes the ghosts before the stop does
        try await tmux.waitFor(text: "PAUSED")
        await fixture.server.shutdown()
        let second = try await restart(fixture, keeping: 2)
        defer { Task { await second.shutdown() } }
        let kept = Set(await second.items(environmentID: fixture.environmentID).map(\.id))
        let ghost = try #require((fixture.active + fixture.queued).first { !kept.contains($0.id) })

        try await isolate(ghost, among: fixture.active + fixture.queued, tmux: tmux)
        try tmux.type("Sy")
        // The search line still names the ghost; the list has no row left for it.
        try await tmux.waitFor("the ghost removed", timeout: 10) { screen in
            screen.contains("no longer exists (404)") && screen.contains("No items match")
        }
        // Whether the y beat the dialog's re-check (a 404 on stop) or not (a 404 on get): at most one stop.
        #expect(await stopRequests(second) <= 1)
    }

    @Test("S y S y S y typed in one burst sends one stop")
    func burstSendsOnce() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.dispose() }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await launch(fixture, tmux: tmux)
        let target = fixture.active[0]
        try await isolate(target, among: fixture.active + fixture.queued, tmux: tmux)
        try tmux.type("SySySy")
        try await fixture.waitForState(target, .stopped)
        try await Task.sleep(for: .seconds(1.5))
        #expect(await stopRequests(fixture.server) == 1)
        #expect(await fixture.state(of: fixture.active[1]) == .active)
    }

    @Test("a stop answered by 409, by 500 or not at all is sent once, and the screen says what the API now says")
    func unclearAnswersSendOnce() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.dispose() }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await launch(fixture, tmux: tmux)
        let all = fixture.active + fixture.queued
        let cases: [(WorkItem, FaultSettings, String)] = [
            (fixture.active[0], Self.stopFault(status: 409), "already stopped (409)"),
            (fixture.active[1], Self.stopFault(status: 500), "did not arrive"),
            // The "no clear answer" notice lasts only until the re-read answers: wait for its verdict.
            (fixture.active[2], Self.stopHang(), "arrive"),
        ]
        for (item, faults, message) in cases {
            await fixture.server.setFaults(faults)
            let before = await stopRequests(fixture.server)
            try await isolate(item, among: all, tmux: tmux)
            try tmux.press("S")
            try await tmux.waitFor(text: "Cancel")
            try tmux.press("y")
            try await tmux.waitFor("'\(message)' for \(item.id)", timeout: 15) { $0.contains(message) }
            try await Task.sleep(for: .seconds(1))
            #expect(await stopRequests(fixture.server) - before == 1, "\(message)")
            await fixture.server.setFaults(FaultSettings())
        }
    }

    static func stopFault(status: Int) -> FaultSettings {
        var faults = FaultSettings()
        faults.errorRates = [status: 1]
        faults.onlyPaths = ["/stop"]
        return faults
    }

    /// A stop that gets no answer before the client's 5 s request timeout.
    static func stopHang() -> FaultSettings {
        var faults = FaultSettings()
        faults.latencyMilliseconds = 8000
        faults.onlyPaths = ["/stop"]
        return faults
    }

    @Test("a pasted queued⏎Sy⏎ is search text and stops nothing; a paste outside the search line is ignored")
    func pasteStopsNothing() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.dispose() }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await launch(fixture, tmux: tmux)
        try tmux.press("/")
        try tmux.paste("queued\nSy\n")
        try await tmux.waitFor(text: "/queued Sy")
        try tmux.press("Escape")
        try tmux.paste("Sy\n")
        try await tmux.waitFor(text: "Paste ignored")
        try await Task.sleep(for: .seconds(1))
        #expect(await stopRequests(fixture.server) == 0)
        for item in fixture.queued { #expect(await fixture.state(of: item) == .queued) }
        for item in fixture.active { #expect(await fixture.state(of: item) == .active) }
    }

    /// The 0-based screen line of the selection marker.
    func selectedRow(_ screen: String) -> Int? {
        screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("▶") }
    }

    @Test("an untouched cursor stays on the first row while items arrive; a moved one keeps its item and screen row")
    func cursorStays() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.dispose() }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await launch(fixture, tmux: tmux)
        let firstRow = try #require(selectedRow(try tmux.screen()))

        let newest = try await fixture.server.enqueue(environmentID: fixture.environmentID, count: 2)
        var screen = try await tmux.waitFor("the arrivals listed") { screen in newest.allSatisfy { screen.contains(String($0.id.prefix(16))) } }
        #expect(selectedRow(screen) == firstRow)
        #expect(selectedLine(screen)?.contains(String(newest.last!.id.prefix(16))) == true)

        try tmux.press("j")
        try tmux.press("j")
        screen = try await tmux.waitFor("the cursor moved") { self.selectedRow($0) == firstRow + 2 }
        let chosen = try #require(selectedLine(screen))
        _ = try await fixture.server.enqueue(environmentID: fixture.environmentID, count: 3)
        screen = try await tmux.waitFor(text: "↑ 3 new")
        #expect(selectedRow(screen) == firstRow + 2)
        #expect(selectedLine(screen)?.prefix(40) == chosen.prefix(40))
    }
}
