import EnvtopCore
import EnvtopModels
import Foundation
import Testing

@testable import EnvtopCore

/// Attention follows the clock at the second an age crosses a threshold, and an unchanged
/// refresh costs no pass over the items (the list is not built again).
@Suite("Attention and the clock")
struct AttentionClockTests {
    typealias F = StateFixtures
    let t = AttentionThresholds()

    @Test("the next change is the first threshold an age has not crossed yet; none once all are crossed or stopped")
    func nextChange() {
        // Lease 90 s, so a beat is late after 60 s and stale after 90 s.
        let fresh = F.item(1, heartbeatSecondsAgo: 5)
        #expect(Attention.nextChange(fresh, after: F.t0, thresholds: t) == F.t0.addingTimeInterval(55))
        let late = F.item(2, heartbeatSecondsAgo: 70)
        #expect(Attention.nextChange(late, after: F.t0, thresholds: t) == F.t0.addingTimeInterval(20))
        #expect(Attention.nextChange(F.item(3, heartbeatSecondsAgo: 200), after: F.t0, thresholds: t) == nil)
        #expect(Attention.nextChange(F.item(4, state: .stopped), after: F.t0, thresholds: t) == nil)
        // At each boundary evaluate really changes its answer, and not before.
        let boundary = F.t0.addingTimeInterval(55)
        #expect(Attention.evaluate(fresh, now: boundary, thresholds: t, workersPolling: 1) == nil)
        #expect(Attention.evaluate(fresh, now: boundary.addingTimeInterval(0.5), thresholds: t, workersPolling: 1) != nil)
    }

    @Test("paused, with no refresh at all, an item joins needs attention at the first tick after its lease ran out")
    func clockAloneFlags() {
        let item = F.item(1, heartbeatSecondsAgo: 85)
        var s = F.loaded([item, F.item(2, heartbeatSecondsAgo: 1)])
        let ref = ItemRef(environmentID: F.env, workID: item.id)
        #expect(s.attention(ref) == .heartbeatLate(age: 85))
        _ = s.apply(.key(.character("p")))  // paused: no refresh starts
        _ = s.apply(.tick(F.t0.addingTimeInterval(4)))
        #expect(s.attention(ref) == .heartbeatLate(age: 85))  // 89 s: not yet
        let effects = s.apply(.tick(F.t0.addingTimeInterval(6)))
        #expect(effects.isEmpty)
        #expect(s.attention(ref) == .heartbeatStale(age: 91))
        #expect(s.attentionCount == 1)
    }

    @Test("an unchanged refresh leaves the list as it was; a changed item lists again")
    func unchangedRefreshDoesNotRelist() {
        let items = (1...5).map { F.item($0, heartbeatSecondsAgo: 1) }
        var s = F.loaded(items)
        let listed = s.listedAt
        #expect(listed == F.t0)
        ReconciliationTests.refresh(&s, after: 2, pages: [items])
        #expect(s.listedAt == listed)
        var changed = items
        changed[2].state = .stopping
        changed[2].stopRequestedAt = s.now
        ReconciliationTests.refresh(&s, after: 2, pages: [changed])
        #expect(s.listedAt == s.now)
        #expect(s.listedAt != listed)
    }

    @Test("sorted by attention, stats that move no item's reason evaluate attention again, and do not list again")
    func sameReasonsDoNotRelist() {
        let stale = F.item(6, heartbeatSecondsAgo: 95)
        let items = (1...5).map { F.item($0, heartbeatSecondsAgo: 1) } + [stale]
        var s = F.loaded(items)
        while s.sort != .attention { _ = s.apply(.key(.character("o"))) }
        let listed = s.listedAt
        let ref = ItemRef(environmentID: F.env, workID: stale.id)
        #expect(s.attention(ref) == .heartbeatStale(age: 95))
        F.answer(&s, s.apply(.tick(s.now.addingTimeInterval(2))), pages: [items], stats: F.stats(polling: 3))
        #expect(s.attention(ref) == .heartbeatStale(age: 97))  // evaluated again: the age moved
        #expect(s.listedAt == listed)  // the set and its reasons did not
        #expect(s.visibleIDs.first == stale.id)
    }

    @Test("sorted by attention, an item moves to the top at the tick its drain becomes overdue")
    func attentionSortFollowsClock() {
        // Asked to stop 10 s ago: overdue after one heartbeat interval and 5 s (35 s), at t0 + 25.
        let draining = F.item(1, state: .stopping, createdSecondsAgo: 900)
        let busy = F.item(2, createdSecondsAgo: 100, heartbeatSecondsAgo: 1)
        var s = F.loaded([draining, busy])
        _ = s.apply(.key(.character("p")))
        while s.sort != .attention { _ = s.apply(.key(.character("o"))) }
        #expect(s.visibleIDs == [busy.id, draining.id])  // neither flagged: newest first
        _ = s.apply(.tick(F.t0.addingTimeInterval(24)))
        #expect(s.visibleIDs == [busy.id, draining.id])
        _ = s.apply(.tick(F.t0.addingTimeInterval(26)))
        #expect(s.attention(ItemRef(environmentID: F.env, workID: draining.id)) == .stuckStopping(age: 36))
        #expect(s.visibleIDs == [draining.id, busy.id])
    }

    @Test("queries say whether they read the clock or the attention set")
    func queryDependencies() throws {
        func query(_ text: String) throws -> SearchQuery { try SearchQuery.parse(text).get() }
        #expect(try query("age>5m").dependsOnClock)
        #expect(try query("web hb>30s").dependsOnClock)
        #expect(try query("instate<1m").dependsOnClock)
        #expect(try !query("web state:active").dependsOnClock)
        #expect(try query("attention:stale").readsAttention)
        #expect(try !query("web").readsAttention)
    }
}
