import EnvtopCore
import EnvtopModels
import Foundation
import Testing

@Suite("Diagnosis: failure signatures at their boundaries, the timeline, who holds an item")
struct DiagnosisTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static let t = AttentionThresholds()

    static func item(
        _ state: WorkState, created: Double = 600, ack: Double? = nil, started: Double? = nil, beat: Double? = nil,
        stopAsked: Double? = nil, stopped: Double? = nil
    ) -> WorkItem {
        func at(_ ago: Double?) -> Date? { ago.map { now.addingTimeInterval(-$0) } }
        var item = WorkItem(
            id: "work_1", environmentID: "env_1", state: state, data: WorkData(id: "session_1"), metadata: [:],
            createdAt: now.addingTimeInterval(-created))
        item.acknowledgedAt = at(ack)
        item.startedAt = at(started)
        item.latestHeartbeatAt = at(beat)
        item.stopRequestedAt = at(stopAsked)
        item.stoppedAt = at(stopped)
        return item
    }

    static func signature(_ item: WorkItem, attention: Attention? = nil) -> FailureSignature? {
        FailureSignature.of(item, now: now, thresholds: t, attention: attention)
    }

    @Test("handoff broken: a stop asked within 10 s of the ack, never started; at 11 s it is an operator's stop")
    func handoffBroken() {
        #expect(Self.signature(Self.item(.stopped, ack: 300, stopAsked: 290, stopped: 289)) == .handoffBroken)
        #expect(Self.signature(Self.item(.stopping, ack: 300, stopAsked: 295)) == .handoffBroken)
        #expect(Self.signature(Self.item(.stopped, ack: 300, stopAsked: 289, stopped: 288)) == nil)
        // It started: the session ran, so this is no handoff failure.
        #expect(Self.signature(Self.item(.stopped, ack: 300, started: 299, beat: 295, stopAsked: 295, stopped: 294)) == nil)
    }

    @Test("failed claim: force-stopped within 10 s of the ack (with or without the request recorded), never started")
    func failedClaim() {
        #expect(Self.signature(Self.item(.stopped, ack: 300, stopped: 292)) == .failedClaim)
        #expect(Self.signature(Self.item(.stopped, ack: 300, stopAsked: 299, stopped: 299)) == .failedClaim)
        #expect(Self.signature(Self.item(.stopped, ack: 300, stopped: 289)) == nil)
    }

    @Test("lease lost: a heartbeat older than the 90 s TTL; at 90 s exactly it still holds")
    func leaseLost() {
        #expect(Self.signature(Self.item(.active, ack: 500, started: 499, beat: 91)) == .leaseLost)
        #expect(Self.signature(Self.item(.active, ack: 500, started: 499, beat: 90)) == nil)
        #expect(Self.signature(Self.item(.starting, ack: 500, beat: 200)) == .leaseLost)
    }

    @Test("drain overdue: stopping past one heartbeat interval plus 5 s (35 s with the default lease)")
    func drainOverdue() {
        #expect(Self.t.stoppingGraceSeconds == 35)
        #expect(Self.signature(Self.item(.stopping, ack: 500, started: 499, beat: 20, stopAsked: 36)) == .drainOverdue)
        #expect(Self.signature(Self.item(.stopping, ack: 500, started: 499, beat: 20, stopAsked: 35)) == nil)
    }

    @Test("never started: starting past 60 s without a beat, or active past the TTL without one")
    func neverStarted() {
        #expect(Self.signature(Self.item(.starting, ack: 61)) == .neverStarted)
        #expect(Self.signature(Self.item(.starting, ack: 60)) == nil)
        #expect(Self.signature(Self.item(.active, ack: 100, started: 91)) == .neverStarted)
    }

    @Test("stalled claim comes from the queue's stats, through the item's attention")
    func stalledClaim() {
        #expect(Self.signature(Self.item(.queued), attention: .stalledClaim(age: 40)) == .stalledClaim)
        #expect(Self.signature(Self.item(.queued)) == nil)
    }

    @Test("the timeline: durations between the steps, absent ones absent (never 0)")
    func timeline() {
        let running = ItemTimeline(Self.item(.active, created: 100, ack: 90, started: 85, beat: 5), now: Self.now)
        #expect(running.queueWait == 10)
        #expect(running.startLatency == 5)
        #expect(running.runTime == 85)
        #expect(running.heartbeatAge == 5)
        #expect(running.drainAge == nil)
        #expect(ItemTimeline.text(running.drainAge) == "—")
        let queued = ItemTimeline(Self.item(.queued, created: 30), now: Self.now)
        #expect(queued.queueWait == 30)
        #expect(queued.startLatency == nil && queued.runTime == nil && queued.heartbeatAge == nil)
        let done = ItemTimeline(Self.item(.stopped, created: 100, ack: 90, started: 85, beat: 20, stopAsked: 20, stopped: 10), now: Self.now)
        #expect(done.runTime == 65)
        #expect(done.drainAge == 10)
        #expect(done.heartbeatAge == nil)  // nobody should beat a stopped item
        #expect(done.steps.map(\.name) == ["created", "acknowledged", "started", "stop requested", "stopped"])
    }

    @Test("who holds it: a live beat is alive; lost lease, never started, queued or an undrained stop are not")
    func presence() {
        func of(_ item: WorkItem) -> WorkerPresence { WorkerPresence.of(item, now: Self.now, thresholds: Self.t) }
        #expect(of(Self.item(.active, ack: 100, started: 99, beat: 10)) == .alive)
        #expect(of(Self.item(.active, ack: 100, started: 99, beat: 95)).reason?.hasPrefix("lease lost") == true)
        #expect(of(Self.item(.starting, ack: 5)) == .alive)  // just acknowledged: the worker is setting up
        #expect(of(Self.item(.starting, ack: 61)).reason?.hasPrefix("never started") == true)
        #expect(of(Self.item(.queued)).reason == "it is still queued")
        #expect(of(Self.item(.stopping, ack: 100, started: 99, beat: 10, stopAsked: 40)).reason?.hasPrefix("no worker saw the stop") == true)
        #expect(of(Self.item(.stopping, ack: 100, started: 99, beat: 10, stopAsked: 10)) == .alive)
    }

    @Test("the stop dialog advises the graceful stop only where a live worker holds the item")
    func stopAdvice() {
        let lost = Self.item(.active, ack: 500, started: 499, beat: 200)
        let dialog = StopDialog(mode: .graceful, target: lost, presence: WorkerPresence.of(lost, now: Self.now, thresholds: Self.t))
        #expect(dialog.consequence.hasPrefix("No live worker holds it (lease lost: last heartbeat 3m ago): a graceful stop would sit in stopping."))
        let live = Self.item(.active, ack: 500, started: 499, beat: 5)
        #expect(StopDialog(mode: .graceful, target: live).consequence.hasPrefix("It becomes stopping; its worker sees that"))
    }
}
