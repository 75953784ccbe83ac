import EnvtopSimulator
import Foundation
import Testing

/// A rate-limited API against the real binary: a one-day `retry-after` is capped and said in the
/// header, envtop stops calling while it waits, and `r` tries at once.
extension DashboardEndToEndTests {
    func totalRequests(_ server: SimulatorServer) async -> Int {
        await server.requestCounts().values.reduce(0, +)
    }

    @Test("429 with retry-after: 86400: the header says until when, no call for seconds, r brings it back")
    func oneDayRetryAfter() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.dispose() }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await launch(fixture, tmux: tmux)

        var faults = FaultSettings()
        faults.errorRates = [429: 1]
        faults.retryAfterSeconds = 86_400
        await fixture.server.setFaults(faults)
        let screen = try await tmux.waitFor("the rate limit in the header", timeout: 8) {
            $0.contains("rate limited by the API until") && $0.contains("r tries now")
        }
        #expect(screen.contains("HTTP 429"))
        // The wait is capped at 60 s, not a day, and nothing is sent during it.
        let before = await totalRequests(fixture.server)
        try await Task.sleep(for: .seconds(5))
        #expect(await totalRequests(fixture.server) == before, "no call while rate limited")

        await fixture.server.setFaults(FaultSettings())
        try tmux.press("r")
        try await tmux.waitFor("live again after r", timeout: 6) {
            !$0.contains("STALE") && !$0.contains("rate limited")
        }
        #expect(await totalRequests(fixture.server) > before)
        try tmux.press("q")
        try await tmux.waitFor(text: "$ ")
    }
}
