import EnvtopCore
import EnvtopUI
import EnvtopModels
import Foundation
import Testing

@Suite("Refresh cycles")
struct RefreshCycleTests {
    typealias F = StateFixtures

    @Test("the first tick asks for stats and the first page; a second tick does not overlap it")
    func firstTick() {
        var s = F.state()
        let effects = s.apply(.tick(F.t0))
        #expect(effects.contains(.fetchStats(environmentID: F.env, generation: 1)))
        #expect(effects.contains { if case .fetchPage(let r) = $0 { return r.index == 0 && r.cursor == nil } else { return false } })
        #expect(s.inFlight == 2)
        #expect(s.apply(.tick(F.t0.addingTimeInterval(10))).isEmpty)
    }

    @Test("the first load walks every page, then schedules the next refresh one interval later")
    func walksAllPages() {
        var s = F.state()
        let pages = (0..<3).map { p in (0..<5).map { F.item(p * 5 + $0) } }
        F.answer(&s, s.apply(.tick(F.t0)), pages: pages)
        #expect(s.store.count == 15)
        #expect(s.store.isFullyLoaded)
        #expect(s.visibleIDs.count == 15)
        #expect(s.inFlight == 0)
        #expect(s.connection.lastSuccessAt == F.t0)
        #expect(s.nextRefreshAt == F.t0.addingTimeInterval(2))
        #expect(s.apply(.tick(F.t0.addingTimeInterval(1))).isEmpty)
        #expect(!s.apply(.tick(F.t0.addingTimeInterval(2.1))).isEmpty)
    }

    @Test("a steady-state cycle reads stats plus a small constant set of pages, not the whole list")
    func steadyStateIsBounded() {
        var s = F.state()
        let pages = (0..<50).map { p in (0..<4).map { F.item(p * 4 + $0) } }
        F.answer(&s, s.apply(.tick(F.t0)), pages: pages)
        #expect(s.store.count == 200)
        let effects = s.apply(.tick(F.t0.addingTimeInterval(3)))
        let pageFetches = effects.filter { if case .fetchPage = $0 { return true } else { return false } }
        #expect(effects.count == pageFetches.count + 1)
        #expect(pageFetches.count <= RefreshPlanner.maxPagesPerCycle)
        #expect(pageFetches.count >= 2)
    }

    @Test("a reply from an earlier cycle is dropped")
    func lateReplyDropped() {
        var s = F.loaded([F.item(1)])
        let old = PageRequest(environmentID: F.env, index: 0, cursor: nil, limit: 200, generation: 0)
        _ = s.apply(.pageLoaded(old, .success(WorkPage(data: [F.item(99)], nextPage: nil)), at: F.t0))
        #expect(s.store[F.item(99).id] == nil)
        let otherEnv = PageRequest(environmentID: "env_other", index: 0, cursor: nil, limit: 200, generation: s.generation)
        _ = s.apply(.pageLoaded(otherEnv, .success(WorkPage(data: [F.item(98)], nextPage: nil)), at: F.t0))
        #expect(s.store[F.item(98).id] == nil)
    }

    @Test("when the API fails the last good data stays, marked stale, and retries back off")
    func failureKeepsDataAndBacksOff() {
        var s = F.loaded([F.item(1), F.item(2)])
        let t1 = F.t0.addingTimeInterval(3)
        let effects = s.apply(.tick(t1))
        let failure = APIError.http(status: 503, type: "api_error", message: "down", requestID: "req_1", details: nil)
        for effect in effects {
            switch effect {
            case .fetchStats(let env, let g):
                _ = s.apply(.statsLoaded(environmentID: env, generation: g, .failure(failure), latency: 1, at: t1))
            case .fetchPage(let r):
                _ = s.apply(.pageLoaded(r, .failure(failure), at: t1))
            default: break
            }
        }
        #expect(s.store.count == 2)
        #expect(s.visibleIDs.count == 2)
        #expect(s.connection.lastError == failure)
        #expect(s.connection.staleSince == F.t0)
        #expect(s.connection.consecutiveFailures == 1)
        #expect(s.nextRefreshAt > t1.addingTimeInterval(2))
        // The next success clears the error.
        let t2 = s.nextRefreshAt.addingTimeInterval(0.1)
        F.answer(&s, s.apply(.tick(t2)), pages: [[F.item(1), F.item(2)]])
        #expect(s.connection.lastError == nil)
        #expect(s.connection.staleSince == nil)
    }

    @Test("pause stops the timer; r still refreshes once")
    func pause() {
        var s = F.loaded([F.item(1)])
        _ = s.apply(.key(.character("p")))
        #expect(s.paused)
        #expect(s.apply(.tick(F.t0.addingTimeInterval(60))).isEmpty)
        let manual = s.apply(.key(.character("r")))
        #expect(manual.contains(.fetchStats(environmentID: F.env, generation: s.generation)))
    }

    @Test("q and ctrl-c quit; a signal quits")
    func quit() {
        var a = F.loaded([F.item(1)])
        #expect(a.apply(.key(.character("q"))) == [.quit])
        var b = F.loaded([F.item(1)])
        #expect(b.apply(.key(.control("c"))) == [.quit])
        var c = F.loaded([F.item(1)])
        #expect(c.apply(.quitRequested) == [.quit])
        #expect(c.isQuitting)
    }
}
