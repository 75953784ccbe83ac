import EnvtopModels
import Foundation
import Testing

@testable import EnvtopSimulator

@Suite("Work queue state machine")
struct WorkQueueTests {
    let t0 = WorkQueueFixture.t0

    func queue(items: Int = 0) -> WorkQueue { WorkQueueFixture.queue(items: items) }

    @Test("an item goes queued, pending, starting, active, stopping, stopped, with the timestamps an operator reads")
    func fullLifecycle() throws {
        var q = queue(items: 1)
        let claimed = q.poll(workerID: "w1", reclaimAfter: 5, now: t0.addingTimeInterval(1))
        let polled = try #require(claimed)
        #expect(polled.id == "work_0")
        #expect(polled.state == .queued)
        var stats = q.stats(now: t0.addingTimeInterval(1))
        #expect(stats.depth == 0 && stats.pending == 1)

        let acked = try q.ack(id: "work_0", now: t0.addingTimeInterval(2))
        #expect(acked.state == .starting)
        #expect(acked.acknowledgedAt == t0.addingTimeInterval(2))
        stats = q.stats(now: t0.addingTimeInterval(2))
        #expect(stats.depth == 0 && stats.pending == 0 && stats.oldestQueuedAt == nil)

        let first = try q.heartbeat(
            id: "work_0", expected: APIConstants.noHeartbeat, desiredTTLSeconds: nil, now: t0.addingTimeInterval(3))
        #expect(first.state == .active && first.leaseExtended && first.ttlSeconds == 20)
        #expect(first.lastHeartbeat == RFC3339.format(t0.addingTimeInterval(3)))
        #expect(q.item(id: "work_0")?.startedAt == t0.addingTimeInterval(3))

        let second = try q.heartbeat(
            id: "work_0", expected: first.lastHeartbeat, desiredTTLSeconds: 45, now: t0.addingTimeInterval(13))
        #expect(second.leaseExtended && second.ttlSeconds == 45)
        #expect(q.item(id: "work_0")?.latestHeartbeatAt == t0.addingTimeInterval(13))

        let stopping = try q.stop(id: "work_0", force: false, now: t0.addingTimeInterval(20))
        #expect(stopping.state == .stopping && stopping.stopRequestedAt == t0.addingTimeInterval(20))
        // On a stopping item the heartbeat is not compared: it reports the state.
        let told = try q.heartbeat(id: "work_0", expected: "stale", desiredTTLSeconds: nil, now: t0.addingTimeInterval(21))
        #expect(told.state == .stopping && !told.leaseExtended && told.lastHeartbeat == second.lastHeartbeat)

        let stopped = try q.stop(id: "work_0", force: true, now: t0.addingTimeInterval(22))
        #expect(stopped.state == .stopped && stopped.stoppedAt == t0.addingTimeInterval(22))
        #expect(stopped.stopRequestedAt == t0.addingTimeInterval(20))
        do {
            _ = try q.stop(id: "work_0", force: false, now: t0)
            Issue.record("stopping a stopped item was accepted")
        } catch {
            #expect(error.status == 409 && error.type == "conflict_error")
        }
    }

    @Test("a heartbeat that does not echo the last one is a 412 carrying the server's view of the lease")
    func heartbeatPrecondition() throws {
        var q = queue(items: 1)
        _ = q.poll(workerID: nil, reclaimAfter: 5, now: t0)
        _ = try q.ack(id: "work_0", now: t0)
        let beat = try q.heartbeat(id: "work_0", expected: "NO_HEARTBEAT", desiredTTLSeconds: nil, now: t0)
        do {
            _ = try q.heartbeat(id: "work_0", expected: "NO_HEARTBEAT", desiredTTLSeconds: nil, now: t0)
            Issue.record("a stale expectation was accepted")
        } catch {
            #expect(error.status == 412 && error.type == "invalid_request_error")
            #expect(error.details?["error_code"] == .string("heartbeat_precondition_failed"))
            let current = try #require(error.details?["current_state"])
            #expect(current["state"] == .string("active"))
            #expect(current["last_heartbeat"] == .string(beat.lastHeartbeat))
            #expect(current["lease_extended"] == .bool(false))
            #expect(current["ttl_seconds"] == .number(20))
        }
    }

    @Test("a queued item has no lease: its heartbeat is a 412; an unknown item is a 404")
    func heartbeatWithoutLease() {
        var q = queue(items: 1)
        func status(_ id: String, ttl: Int? = nil) -> Int? {
            do {
                _ = try q.heartbeat(id: id, expected: nil, desiredTTLSeconds: ttl, now: t0)
                return nil
            } catch { return error.status }
        }
        #expect(status("work_0") == 412)
        #expect(status("work_nope") == 404)
        #expect(status("work_0", ttl: 0) == 400)
    }

    @Test("an unacknowledged item is handed out again only after reclaim_older_than_ms")
    func reclaim() throws {
        var q = queue(items: 1)
        let claimed = q.poll(workerID: "a", reclaimAfter: 5, now: t0)
        let first = try #require(claimed)
        #expect(q.poll(workerID: "b", reclaimAfter: 5, now: t0.addingTimeInterval(4.9)) == nil)
        let reclaimed = q.poll(workerID: "b", reclaimAfter: 5, now: t0.addingTimeInterval(5))
        let again = try #require(reclaimed)
        #expect(again.id == first.id)
        #expect(q.stats(now: t0.addingTimeInterval(5)).pending == 1)
        #expect(q.poll(workerID: "c", reclaimAfter: 0, now: t0.addingTimeInterval(5))?.id == first.id)
    }

    @Test("poll hands out the oldest waiting item first")
    func pollOrder() throws {
        var q = queue(items: 3)
        #expect(q.poll(workerID: nil, reclaimAfter: 5, now: t0)?.id == "work_0")
        #expect(q.poll(workerID: nil, reclaimAfter: 5, now: t0)?.id == "work_1")
        _ = try q.stop(id: "work_2", force: false, now: t0)
        #expect(q.poll(workerID: nil, reclaimAfter: 5, now: t0) == nil)
    }

    @Test("a graceful stop of a queued item stops it at once: there is no worker to tell")
    func stopQueued() throws {
        var q = queue(items: 2)
        let stopped = try q.stop(id: "work_0", force: false, now: t0.addingTimeInterval(9))
        #expect(stopped.state == .stopped && stopped.stoppedAt == t0.addingTimeInterval(9))
        let stats = q.stats(now: t0)
        #expect(stats.depth == 1 && stats.oldestQueuedAt == t0.addingTimeInterval(1))
    }

    @Test("ack: a retried ack is harmless, acking a stopped item is a 409")
    func ackRules() throws {
        var q = queue(items: 2)
        _ = try q.ack(id: "work_0", now: t0)
        #expect(try q.ack(id: "work_0", now: t0.addingTimeInterval(5)).acknowledgedAt == t0)
        _ = try q.stop(id: "work_1", force: true, now: t0)
        #expect(throws: SimulatorError.self) { _ = try q.ack(id: "work_1", now: t0) }
    }

    @Test("stats: depth and pending from the items, the oldest queued or pending item, workers of the last 30 s")
    func stats() throws {
        var q = queue(items: 5)
        _ = q.poll(workerID: "w-a", reclaimAfter: 5, now: t0.addingTimeInterval(10))
        _ = q.poll(workerID: "w-b", reclaimAfter: 5, now: t0.addingTimeInterval(20))
        _ = try q.ack(id: "work_1", now: t0.addingTimeInterval(21))
        var stats = q.stats(now: t0.addingTimeInterval(21))
        #expect(stats.depth == 3)
        #expect(stats.pending == 1)
        #expect(stats.oldestQueuedAt == t0)  // work_0 is pending: still the oldest in the stream
        #expect(stats.workersPolling == 2)
        stats = q.stats(now: t0.addingTimeInterval(45))
        #expect(stats.workersPolling == 1)  // w-a polled 35 s ago
        stats = q.stats(now: t0.addingTimeInterval(60))
        #expect(stats.workersPolling == 0)
    }

    @Test("metadata is a merge patch: strings upsert, null deletes, absent keys stay")
    func mergePatch() throws {
        var q = WorkQueue(environmentID: "env_test", defaultLeaseTTLSeconds: 20)
        q.enqueue(workID: "work_m", data: WorkData(id: "session_m"), metadata: ["keep": "1", "gone": "2", "edit": "3"], now: t0)
        let item = try q.updateMetadata(id: "work_m", patch: ["gone": String?.none, "edit": "4", "new": "5"])
        #expect(item.metadata == ["keep": "1", "edit": "4", "new": "5"])
        #expect(throws: SimulatorError.self) { _ = try q.updateMetadata(id: "work_x", patch: [:]) }
    }
}
