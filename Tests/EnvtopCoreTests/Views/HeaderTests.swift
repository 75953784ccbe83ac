import EnvtopCore
import EnvtopUI
import EnvtopModels
import Foundation
import Testing

private typealias F = ViewFixtures

/// The header: stats, alarms, counts, connection, and the mode markers.
@Suite("Header")
struct HeaderTests {
    static func header(_ state: AppState) -> [String] {
        Array(F.render(state).textLines.prefix(DashboardLayout.headerHeight))
    }

    @Test("queue stats, counts by state and the attention count")
    func statsAndCounts() {
        let lines = Self.header(F.loaded(size: Size(width: 120, height: 40)))
        #expect(lines[0].contains("envtop · Production (\(F.env))"))
        #expect(lines[0].hasSuffix(" 12:00 "))
        #expect(lines[1].contains("refreshed 12:00:00 (just now)  latency 50ms  every 2s  errors 0"))
        #expect(lines[2].contains("queued 3 (depth 2 + pending 1)   oldest queued 8m   workers polling 3   arrivals …/min"))
        #expect(lines[3].contains("last 2m    depth "))
        // The oldest item waited 8m, past the 5m backlog age; one refresh with pending 1 is no
        // stalled claim (that rule waits for its 30 s).
        #expect(lines[4].contains("! backlog age since 11:57:00: the oldest queued item has waited over 5m"))
        #expect(!lines[4].contains("stalled claim"))
        #expect(lines[5].contains("! 4 need attention"))
        #expect(lines[5].contains("○ 2 queued   ◔ 2 starting   ● 4 active   ◑ 2 stopping   ✕ 1 stopped   ? 1 other   12 total"))
    }

    @Test("no workers while work waits: the health line names the rule in the headerAlert role, and the queued items join needs attention")
    func alarmRoles() {
        let stats = QueueStats(depth: 5, pending: 0, oldestQueuedAt: F.ago(60), workersPolling: 0)
        let state = F.loaded(size: Size(width: 120, height: 40), stats: stats)
        let screen = F.render(state)
        let line = screen.textLines[4]
        #expect(line.contains("! no workers since 12:00:00: work is queued and no worker has polled in the last 30s"))
        #expect(!screen.textLines[2].contains("polled, not acknowledged"))
        let x = DisplayWidth.of(String(line[..<line.range(of: "! no workers")!.lowerBound]))
        let roles = screen.styleLines(legend: ScreenChecks.legend)[4]
        #expect(Array(roles)[x..<(x + 12)].allSatisfy { $0 == "!" })
        // The queued items wait for a worker: flagged with that reason, not "polled and never acknowledged".
        guard case .noWorker = state.feed.attention[F.workID(9)] else {
            Issue.record("queued item not flagged as waiting for a worker: \(String(describing: state.feed.attention[F.workID(9)]))")
            return
        }
        #expect(screen.textLines[5].contains("! \(state.attentionCount) need attention"))
    }

    @Test("stale data: the header says since when, why and when it retries; the list title turns stale")
    func staleHeader() {
        var state = F.loaded(size: Size(width: 120, height: 40))
        F.failRefresh(&state, after: 40, error: .transport("connection refused"))
        #expect(state.connection.isStale)
        let screen = F.render(state)
        ScreenChecks.expectWellFormed(screen)
        let line = screen.textLines[1]
        #expect(line.contains("STALE since 12:00:00 (40s): cannot reach the API: connection refused, retrying in 3s"))
        let roles = screen.styleLines(legend: ScreenChecks.legend)
        #expect(roles[state.layout.listHeader.y].allSatisfy { $0 == "T" })
        #expect(roles[1].dropFirst().prefix(5).allSatisfy { $0 == "e" })
        #expect(screen.textLines[state.layout.listHeader.y].contains("STALE"))
        // The last good data stays on screen.
        #expect(screen.text.contains(F.workID(1)))
    }

    @Test("an HTTP failure is explained in plain words with its request id; the countdown follows the clock")
    func httpFailureWording() {
        var state = F.loaded(size: Size(width: 200, height: 40))
        let error = APIError.http(status: 401, type: "authentication_error", message: "invalid x-api-key", requestID: "req_42", details: nil)
        F.failRefresh(&state, after: 10, error: error)
        _ = state.apply(.tick(state.now.addingTimeInterval(1)))
        let line = F.render(state).textLines[1]
        #expect(line.contains("STALE since 12:00:00 (10s): the API refused the credential (HTTP 401 authentication_error: invalid x-api-key (request-id req_42)), retrying in 2s"))
    }

    @Test("the latency is the median of the last round trips, to 10 ms; one slow answer does not move it")
    func latencyMedian() {
        var state = F.loaded(size: Size(width: 120, height: 40))
        for latency in [0.043, 0.047, 2.5, 0.044] {
            let effects = state.apply(.tick(state.now.addingTimeInterval(2)))
            F.answer(&state, effects, pages: [F.items], stats: .success(F.stats), latency: latency)
        }
        #expect(state.connection.recentLatencies.count == 5)
        #expect(Self.header(state)[1].contains("latency 50ms"))
        for _ in 0..<ConnectionStatus.latencyWindow {
            let effects = state.apply(.tick(state.now.addingTimeInterval(2)))
            F.answer(&state, effects, pages: [F.items], stats: .success(F.stats), latency: 1.26)
        }
        #expect(state.connection.recentLatencies.count == ConnectionStatus.latencyWindow)
        #expect(Self.header(state)[1].contains("latency 1.3s"))
        #expect(DashboardView.formatSeconds(0.004) == "<10ms")
        #expect(DashboardView.formatSeconds(0.996) == "1.0s")
    }

    @Test("the refresh time shows alone while refreshes are on time, and with its age once late")
    func lateRefresh() {
        var state = F.loaded(size: Size(width: 120, height: 40))
        _ = state.apply(.tick(state.now.addingTimeInterval(1)))
        #expect(Self.header(state)[1].contains("● refreshed 12:00:00 (just now)  latency 50ms"))
        // A slow API: the next cycle is in flight and nothing has failed, but the data ages.
        _ = state.apply(.tick(F.now.addingTimeInterval(9)))
        #expect(state.inFlight > 0)
        #expect(Self.header(state)[1].contains("● refreshed 12:00:00 (5s ago)  latency 50ms"))
    }

    @Test("before any data: connecting, and NO DATA after a failure")
    func beforeFirstData() {
        var state = AppState(options: F.options(), size: Size(width: 100, height: 30), now: F.now)
        _ = state.apply(.tick(F.now))
        var screen = F.render(state)
        #expect(screen.textLines[1].contains("connecting: waiting for the first answer from the API…"))
        #expect(screen.textLines[2].contains("queue stats: not loaded yet"))
        #expect(screen.textLines[state.layout.listBody.y].contains("Loading work items…"))
        F.answer(&state, [.fetchStats(environmentID: F.env, generation: state.generation),
                          .fetchPage(PageRequest(environmentID: F.env, index: 0, cursor: nil, limit: 200, generation: state.generation))],
                 pages: [], stats: .failure(.timedOut("30s")), pageError: .timedOut("30s"))
        screen = F.render(state)
        ScreenChecks.expectWellFormed(screen)
        #expect(screen.textLines[1].contains("NO DATA since 12:00:00 (0s): the API did not answer in time (30s)"))
        #expect(screen.textLines[state.layout.listBody.y].contains("No work items loaded: the API did not answer in time (30s)."))
    }

    @Test("paused: an unmistakable PAUSED marker, in the paused role")
    func pausedMarker() {
        var state = F.loaded(size: Size(width: 100, height: 30))
        F.press(&state, .character("p"))
        #expect(state.paused)
        _ = state.apply(.tick(F.now.addingTimeInterval(30)))
        let screen = F.render(state)
        let lines = screen.textLines
        #expect(lines[0].contains(" PAUSED "))
        #expect(lines[1].contains("PAUSED showing data from 12:00:00 (30s ago)"))
        let roles = screen.styleLines(legend: ScreenChecks.legend)
        let x = DisplayWidth.of(String(lines[0][..<lines[0].range(of: " PAUSED ")!.lowerBound]))
        #expect(Array(roles[0])[x..<(x + 8)].allSatisfy { $0 == "P" })
    }

    @Test("read-only: a READ-ONLY marker that a long environment name cannot push off")
    func readOnlyMarker() {
        var options = F.options(readOnly: true)
        options.environments[0].name = String(repeating: "very long environment name ", count: 5)
        var state = AppState(options: options, size: Size(width: 60, height: 20), now: F.now)
        let effects = state.apply(.tick(F.now))
        F.answer(&state, effects, pages: [F.items], stats: .success(F.stats))
        let screen = F.render(state)
        ScreenChecks.expectWellFormed(screen)
        #expect(screen.textLines[0].contains(" READ-ONLY "))
        #expect(screen.textLines[0].contains("…"))
    }
}
