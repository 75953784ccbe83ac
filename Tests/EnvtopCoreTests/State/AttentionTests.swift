import EnvtopCore
import EnvtopUI
import EnvtopModels
import Foundation
import Testing

@Suite("Needs attention")
struct AttentionTests {
    typealias F = StateFixtures
    let t = AttentionThresholds()

    @Test("a heartbeat older than the lease TTL flags the item")
    func staleHeartbeat() {
        #expect(Attention.evaluate(F.item(1, heartbeatSecondsAgo: 5), now: F.t0, thresholds: t, workersPolling: 1) == nil)
        let flagged = Attention.evaluate(F.item(1, heartbeatSecondsAgo: 91), now: F.t0, thresholds: t, workersPolling: 1)
        #expect(flagged == .heartbeatStale(age: 91))
    }

    @Test("stopping for longer than a heartbeat interval allows is stuck")
    func stuckStopping() {
        var item = F.item(1, state: .stopping)
        item.stopRequestedAt = F.t0.addingTimeInterval(-20)
        #expect(Attention.evaluate(item, now: F.t0, thresholds: t, workersPolling: 1) == nil)
        item.stopRequestedAt = F.t0.addingTimeInterval(-120)
        #expect(Attention.evaluate(item, now: F.t0, thresholds: t, workersPolling: 1) == .stuckStopping(age: 120))
    }

    @Test("starting that never became active, and queued long while workers poll")
    func stuckStartingAndQueued() {
        var starting = F.item(1, state: .starting, createdSecondsAgo: 500)
        starting.acknowledgedAt = F.t0.addingTimeInterval(-300)
        #expect(Attention.evaluate(starting, now: F.t0, thresholds: t, workersPolling: 1) == .stuckStarting(age: 300))
        let queued = F.item(2, state: .queued, createdSecondsAgo: 500)
        #expect(Attention.evaluate(queued, now: F.t0, thresholds: t, workersPolling: 3) == .stuckQueued(age: 500))
        #expect(Attention.evaluate(queued, now: F.t0, thresholds: t, workersPolling: 0) == nil)
    }

    @Test("stopped items never need attention")
    func stopped() {
        #expect(Attention.evaluate(F.item(1, state: .stopped, heartbeatSecondsAgo: 9999), now: F.t0, thresholds: t, workersPolling: 1) == nil)
    }
}
