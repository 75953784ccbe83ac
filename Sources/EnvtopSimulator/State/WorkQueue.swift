import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One environment's work items and the rules that move them:
/// queued -> (polled: pending) -> starting (ack) -> active (first heartbeat) -> stopping (graceful
/// stop) -> stopped (force stop). Pure and synchronous: every call takes `now`, so tests can drive
/// it with their own clock.
///
/// Items live in creation order (their position never changes), which makes `list` O(limit) and
/// its cursor stable at any size; the poll order walks the same positions, oldest first.
struct WorkQueue: Sendable {
    /// One item plus the server-side facts the wire shape does not carry.
    struct Record: Sendable {
        var item: WorkItem
        /// The exact `last_heartbeat` string handed to the worker, echoed back on the next beat.
        var lastHeartbeat: String?
        var leaseTTLSeconds: Int
        /// Set while the item is polled but not acknowledged (the queue's `pending`).
        var polledAt: Date?
    }

    let environmentID: String
    let defaultLeaseTTLSeconds: Int
    private(set) var records: [Record] = []
    private var positions: [String: Int] = [:]
    /// Positions of items that were queued when they arrived, oldest first; `queueHead` skips
    /// the ones that have moved on.
    private var queueOrder: [Int] = []
    private var queueHead = 0
    private(set) var queuedCount = 0
    private(set) var pendingCount = 0
    private var workerLastPoll: [String: Date] = [:]
    /// Items a trouble keeps from every poll (a stalled claim's item, a growing backlog's).
    private var held: Set<String> = []

    /// How far back `workers_polling` looks.
    static let workerWindow: TimeInterval = 30
    static let maxPageSize = 1000
    static let defaultPageSize = 20

    init(environmentID: String, defaultLeaseTTLSeconds: Int) {
        self.environmentID = environmentID
        self.defaultLeaseTTLSeconds = defaultLeaseTTLSeconds
    }

    var count: Int { records.count }

    // MARK: - Adding items

    /// Adds a new queued item and returns it.
    @discardableResult
    mutating func enqueue(
        workID: String, data: WorkData, metadata: [String: String], now: Date
    ) -> WorkItem {
        let item = WorkItem(
            id: workID, environmentID: environmentID, state: .queued, data: data, metadata: metadata,
            createdAt: now)
        insert(Record(item: item, lastHeartbeat: nil, leaseTTLSeconds: defaultLeaseTTLSeconds, polledAt: nil))
        return item
    }

    mutating func reserveCapacity(_ capacity: Int) {
        records.reserveCapacity(capacity)
        positions.reserveCapacity(capacity)
        queueOrder.reserveCapacity(capacity)
    }

    /// Adds an item in any state (seeded history). Items must arrive in creation order.
    mutating func insert(_ record: Record) {
        let position = records.count
        records.append(record)
        positions[record.item.id] = position
        if record.item.state == .queued {
            queueOrder.append(position)
            queuedCount += 1
            if record.polledAt != nil { pendingCount += 1 }
        }
    }

    // MARK: - Reading

    func item(id: String) -> WorkItem? {
        positions[id].map { records[$0].item }
    }

    func record(id: String) -> Record? {
        positions[id].map { records[$0] }
    }

    /// All items, newest first (the list order).
    var itemsNewestFirst: [WorkItem] { records.reversed().map(\.item) }

    /// One page, newest first. `limit` defaults to 20 and must be 1...1000.
    func list(limit: Int?, page: String?) throws(SimulatorError) -> WorkPage {
        let limit = limit ?? Self.defaultPageSize
        guard (1...Self.maxPageSize).contains(limit) else {
            throw .badRequest("limit must be between 1 and \(Self.maxPageSize), got \(limit)")
        }
        var upper = records.count
        if let page, !page.isEmpty {
            guard let cursor = ListCursor(token: page), cursor.before <= records.count else {
                throw .badRequest("page is not a cursor this list returned")
            }
            upper = cursor.before
        }
        let lower = max(0, upper - limit)
        var data: [WorkItem] = []
        data.reserveCapacity(upper - lower)
        var position = upper - 1
        while position >= lower {
            data.append(records[position].item)
            position -= 1
        }
        return WorkPage(data: data, nextPage: lower > 0 ? ListCursor(before: lower).token : nil)
    }

    /// Queue health from counters kept up to date, so it stays cheap at any size.
    mutating func stats(now: Date) -> QueueStats {
        advanceQueueHead()
        let oldest = queueHead < queueOrder.count ? records[queueOrder[queueHead]].item.createdAt : nil
        let cutoff = now.addingTimeInterval(-Self.workerWindow)
        workerLastPoll = workerLastPoll.filter { $0.value >= cutoff }
        return QueueStats(
            depth: queuedCount - pendingCount, pending: pendingCount, oldestQueuedAt: oldest,
            workersPolling: workerLastPoll.count)
    }

    // MARK: - Worker calls

    /// Hands out the oldest queued item that is not pending, or pending for longer than
    /// `reclaimAfter` (an unacknowledged item goes back to the queue). Nil when there is none.
    mutating func poll(workerID: String?, reclaimAfter: TimeInterval, now: Date) -> WorkItem? {
        if let workerID, !workerID.isEmpty { workerLastPoll[workerID] = now }
        advanceQueueHead()
        var index = queueHead
        while index < queueOrder.count {
            let position = queueOrder[index]
            index += 1
            guard records[position].item.state == .queued else { continue }
            if !held.isEmpty, held.contains(records[position].item.id) { continue }
            if let polledAt = records[position].polledAt {
                guard now.timeIntervalSince(polledAt) >= reclaimAfter else { continue }
            } else {
                pendingCount += 1
            }
            records[position].polledAt = now
            return records[position].item
        }
        return nil
    }

    /// queued -> starting. Acknowledging a `starting` item again answers it unchanged, so a
    /// retried ack is harmless; any later state is a 409.
    mutating func ack(id: String, now: Date) throws(SimulatorError) -> WorkItem {
        let position = try position(of: id)
        switch records[position].item.state {
        case .queued:
            leaveQueue(position)
            records[position].item.state = .starting
            records[position].item.acknowledgedAt = now
            return records[position].item
        case .starting:
            return records[position].item
        default:
            throw .conflict(
                "work item \(id) is \(records[position].item.state.rawValue); only a queued item can be acknowledged")
        }
    }

    /// Extends the lease of a `starting` or `active` item (the first beat makes it `active`) when
    /// `expected` matches the last heartbeat exactly (`NO_HEARTBEAT` before the first; omitted =
    /// no check). A `stopping` or `stopped` item is not compared: the answer reports its state
    /// with `lease_extended: false`. A queued item has no lease: 412.
    mutating func heartbeat(
        id: String, expected: String?, desiredTTLSeconds: Int?, now: Date
    ) throws(SimulatorError) -> HeartbeatResponse {
        let position = try position(of: id)
        var record = records[position]
        if let desiredTTLSeconds, !(1...3600).contains(desiredTTLSeconds) {
            throw .badRequest("desired_ttl_seconds must be between 1 and 3600, got \(desiredTTLSeconds)")
        }
        switch record.item.state {
        case .stopping, .stopped:
            return HeartbeatResponse(
                lastHeartbeat: record.lastHeartbeat ?? "", leaseExtended: false, state: record.item.state,
                ttlSeconds: record.leaseTTLSeconds)
        case .starting, .active:
            if let expected {
                let current = record.lastHeartbeat ?? APIConstants.noHeartbeat
                guard expected == current else { throw preconditionFailed(record) }
            }
        default:
            throw preconditionFailed(record)
        }
        let stamp = RFC3339.format(now)
        record.lastHeartbeat = stamp
        record.item.latestHeartbeatAt = RFC3339.parse(stamp) ?? now
        record.leaseTTLSeconds = desiredTTLSeconds ?? defaultLeaseTTLSeconds
        if record.item.state == .starting {
            record.item.state = .active
            record.item.startedAt = now
        }
        records[position] = record
        return HeartbeatResponse(
            lastHeartbeat: stamp, leaseExtended: true, state: record.item.state, ttlSeconds: record.leaseTTLSeconds)
    }

    private func preconditionFailed(_ record: Record) -> SimulatorError {
        let current: JSONValue = .object([
            "state": .string(record.item.state.rawValue),
            "last_heartbeat": .string(record.lastHeartbeat ?? ""),
            "lease_extended": .bool(false),
            "ttl_seconds": .number(Double(record.leaseTTLSeconds)),
        ])
        return SimulatorError(
            status: 412,
            message: "heartbeat precondition failed: work item \(record.item.id) is \(record.item.state.rawValue)"
                + " and its last heartbeat is not the one this worker expected",
            details: .object([
                "error_code": .string("heartbeat_precondition_failed"), "current_state": current,
            ]))
    }

    // MARK: - Operator calls

    /// Graceful: a `starting`/`active` item becomes `stopping` (its worker finishes it); a queued
    /// item has no worker to tell, so it stops at once; `stopping` stays as it is. Force: `stopped`
    /// at once. Stopping a `stopped` item is a 409.
    mutating func stop(id: String, force: Bool, now: Date) throws(SimulatorError) -> WorkItem {
        let position = try position(of: id)
        let state = records[position].item.state
        if state == .stopped { throw .conflict("work item \(id) is already stopped") }
        if records[position].item.stopRequestedAt == nil { records[position].item.stopRequestedAt = now }
        switch (state, force) {
        case (.starting, false), (.active, false):
            records[position].item.state = .stopping
        case (.stopping, false):
            break
        default:
            if state == .queued { leaveQueue(position) }
            records[position].item.state = .stopped
            records[position].item.stoppedAt = now
        }
        return records[position].item
    }

    /// Merge patch: a string upserts the key, null deletes it, absent keys are kept.
    mutating func updateMetadata(id: String, patch: [String: String?]) throws(SimulatorError) -> WorkItem {
        let position = try position(of: id)
        if let empty = patch.keys.first(where: { $0.isEmpty }) {
            throw .badRequest("metadata keys must not be empty (got \"\(empty)\")")
        }
        records[position].item.metadata = MetadataPatch(patch).applied(to: records[position].item.metadata)
        return records[position].item
    }

    // MARK: - Bookkeeping

    private func position(of id: String) throws(SimulatorError) -> Int {
        guard let position = positions[id] else {
            throw .notFound("no work item \(id) in environment \(environmentID)")
        }
        return position
    }

    /// Keeps a queued item from every poll until `release`; with `polledBy`, it is first claimed
    /// by that worker and never acknowledged (it counts as `pending`, as a stalled claim does).
    mutating func hold(id: String, polledBy workerID: String?, now: Date) throws(SimulatorError) {
        let position = try position(of: id)
        guard records[position].item.state == .queued else { return }
        held.insert(id)
        guard let workerID else { return }
        workerLastPoll[workerID] = now
        if records[position].polledAt == nil { pendingCount += 1 }
        records[position].polledAt = now
    }

    /// Lets polls hand the item out again (a claimed one once its reclaim time passed).
    mutating func release(id: String) { held.remove(id) }

    /// Called when a queued item is acknowledged or stopped.
    private mutating func leaveQueue(_ position: Int) {
        queuedCount -= 1
        if records[position].polledAt != nil {
            pendingCount -= 1
            records[position].polledAt = nil
        }
    }

    private mutating func advanceQueueHead() {
        while queueHead < queueOrder.count, records[queueOrder[queueHead]].item.state != .queued {
            queueHead += 1
        }
        if queueHead > 4096, queueHead * 2 > queueOrder.count {
            queueOrder.removeFirst(queueHead)
            queueHead = 0
        }
    }
}
