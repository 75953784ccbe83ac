import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why an item needs an operator, if it does.
public enum Attention: Sendable, Hashable {
    /// Active or starting, and the last heartbeat is older than the lease TTL.
    case heartbeatStale(age: Double)
    /// Active for longer than a lease TTL and never heartbeated.
    case neverHeartbeated(age: Double)
    /// Asked to stop gracefully and still `stopping` after a heartbeat interval.
    case stuckStopping(age: Double)
    /// Acknowledged, never became active.
    case stuckStarting(age: Double)
    /// Queued a long time while workers poll: probably polled and never acknowledged.
    case stuckQueued(age: Double)
    /// Active or starting, heartbeat older than two missed beats but within the lease: a warning.
    case heartbeatLate(age: Double)
    /// Behind the "stalled claim" rule: among the oldest queued items while `pending` stays non-zero.
    case stalledClaim(age: Double)
    /// Behind the "no workers" rule: queued while no worker polls.
    case noWorker(age: Double)
    /// Behind the "backlog age" rule: queued longer than the backlog threshold.
    case backlog(age: Double)

    /// Whether no worker holds the item any more: a graceful stop is seen only at a live
    /// worker's next heartbeat, so for a lost lease, a worker that never beat or never started,
    /// or a stop nobody drained, only a force stop ends it.
    public var workerLost: Bool {
        switch self {
        case .heartbeatStale, .neverHeartbeated, .stuckStarting, .stuckStopping: true
        case .stuckQueued, .heartbeatLate, .stalledClaim, .noWorker, .backlog: false
        }
    }

    /// The reason's name in the search line's `attention:` qualifier.
    public var queryName: String {
        switch self {
        case .heartbeatStale: "stale"
        case .neverHeartbeated: "never_heartbeated"
        case .stuckStopping: "drain_overdue"
        case .stuckStarting: "never_started"
        case .stuckQueued: "queued_long"
        case .heartbeatLate: "late"
        case .stalledClaim: "no_ack"
        case .noWorker: "no_worker"
        case .backlog: "backlog"
        }
    }

    /// Every `queryName`, for `attention:` and its error message.
    public static let queryNames = [
        "stale", "never_heartbeated", "drain_overdue", "never_started", "queued_long", "late", "no_ack", "no_worker",
        "backlog",
    ]

    /// The reason's name without its age, for tallies ("3 no heartbeat, 2 stopping").
    public var kindName: String {
        switch self {
        case .heartbeatStale: "no heartbeat"
        case .neverHeartbeated: "never heartbeated"
        case .stuckStopping: "drain overdue"
        case .stuckStarting: "never started"
        case .stuckQueued: "queued long"
        case .heartbeatLate: "heartbeat late"
        case .stalledClaim: "polled, no ack"
        case .noWorker: "no worker"
        case .backlog: "backlog"
        }
    }

    /// A short reason for the list row.
    public var shortReason: String {
        switch self {
        case .heartbeatStale(let age): "no heartbeat \(Age.format(age))"
        case .neverHeartbeated(let age): "never heartbeated \(Age.format(age))"
        case .stuckStopping(let age): "stopping \(Age.format(age))"
        case .stuckStarting(let age): "starting \(Age.format(age))"
        case .stuckQueued(let age): "queued \(Age.format(age))"
        case .heartbeatLate(let age): "heartbeat late \(Age.format(age))"
        // A rule's items: the AGE column already says how long they waited, and a second
        // ticking age would repaint every row every few seconds for nothing.
        case .stalledClaim: "polled, no ack"
        case .noWorker: "no worker"
        case .backlog: "backlog"
        }
    }

    /// A sentence for the detail pane: what it means and what to do.
    public func explanation(thresholds t: AttentionThresholds) -> String {
        switch self {
        case .heartbeatStale(let age):
            "Last heartbeat \(Age.format(age)) ago, past the \(Age.exact(t.leaseTTLSeconds)) lease: no live worker holds it. Force stop ends it."
        case .neverHeartbeated(let age):
            "Running \(Age.format(age)) without a single heartbeat: the worker never claimed the lease. Force stop ends it."
        case .stuckStopping(let age):
            "Drain overdue: stop requested \(Age.format(age)) ago and still stopping, past one heartbeat interval (\(Age.exact(t.heartbeatIntervalSeconds))): no live worker saw the stop. Force stop ends it."
        case .stuckStarting(let age):
            "Acknowledged \(Age.format(age)) ago and never became active: the worker may have died while starting."
        case .stuckQueued(let age):
            "Queued \(Age.format(age)) while workers poll: it may have been polled and never acknowledged."
        case .heartbeatLate(let age):
            "Last heartbeat \(Age.format(age)) ago: two beats missed (workers beat every \(Age.exact(t.heartbeatIntervalSeconds))); the lease is lost at \(Age.exact(t.leaseTTLSeconds))."
        case .stalledClaim(let age):
            "Queued \(Age.format(age)) while pending stays non-zero: a worker polled this item and has not acknowledged it. The server hands it out again after reclaim_older_than_ms."
        case .noWorker(let age):
            "Queued \(Age.format(age)) and no worker polls: it waits (it does not fail) until a worker starts. Check ANTHROPIC_ENVIRONMENT_KEY and ANTHROPIC_ENVIRONMENT_ID on the worker host."
        case .backlog(let age):
            "Queued \(Age.format(age)), past the backlog threshold: workers take work slower than it arrives."
        }
    }

    /// A runbook rule's reason with the item's age at `now` (the rule, not the clock, decides
    /// whether it still applies).
    public func aged(_ item: WorkItem, now: Date) -> Attention {
        let age = now.timeIntervalSince(item.createdAt)
        switch self {
        case .stalledClaim: return .stalledClaim(age: age)
        case .noWorker: return .noWorker(age: age)
        case .backlog: return .backlog(age: age)
        default: return self
        }
    }

    /// The first time after `now` at which `evaluate` could answer differently for `item` with
    /// nothing else changed: each rule compares an age with a threshold, so its answer moves only
    /// when that age crosses it. Nil when no clock can change it (stopped, or past every boundary).
    /// The dashboard re-evaluates attention then, instead of every few seconds over every item.
    public static func nextChange(_ item: WorkItem, after now: Date, thresholds t: AttentionThresholds) -> Date? {
        var next: Date?
        func boundary(_ start: Date, _ threshold: Double) {
            let at = start.addingTimeInterval(threshold)
            if at >= now, next.map({ at < $0 }) ?? true { next = at }
        }
        switch item.state {
        case .active, .starting:
            if let beat = item.latestHeartbeatAt {
                boundary(beat, t.heartbeatLateSeconds)
                boundary(beat, t.leaseTTLSeconds)
            } else if item.state == .active {
                boundary(item.startedAt ?? item.acknowledgedAt ?? item.createdAt, t.leaseTTLSeconds)
            }
            if item.state == .starting { boundary(item.acknowledgedAt ?? item.createdAt, t.startingGraceSeconds) }
        case .stopping:
            boundary(item.stopRequestedAt ?? item.stateEnteredAt, t.stoppingGraceSeconds)
        case .queued:
            boundary(item.createdAt, t.queuedGraceSeconds)
        case .stopped, .unknown:
            break
        }
        return next
    }

    /// Evaluates the rules for one item at `now`.
    public static func evaluate(
        _ item: WorkItem, now: Date, thresholds t: AttentionThresholds, workersPolling: Int?
    ) -> Attention? {
        switch item.state {
        case .active, .starting:
            if let beat = item.latestHeartbeatAt {
                let age = now.timeIntervalSince(beat)
                if age > t.leaseTTLSeconds { return .heartbeatStale(age: age) }
                if age > t.heartbeatLateSeconds { return .heartbeatLate(age: age) }
            } else if item.state == .active {
                let age = now.timeIntervalSince(item.startedAt ?? item.acknowledgedAt ?? item.createdAt)
                if age > t.leaseTTLSeconds { return .neverHeartbeated(age: age) }
            }
            if item.state == .starting {
                let age = now.timeIntervalSince(item.acknowledgedAt ?? item.createdAt)
                if age > t.startingGraceSeconds { return .stuckStarting(age: age) }
            }
            return nil
        case .stopping:
            let age = now.timeIntervalSince(item.stopRequestedAt ?? item.stateEnteredAt)
            return age > t.stoppingGraceSeconds ? .stuckStopping(age: age) : nil
        case .queued:
            let age = now.timeIntervalSince(item.createdAt)
            if age > t.queuedGraceSeconds, (workersPolling ?? 0) > 0 { return .stuckQueued(age: age) }
            return nil
        case .stopped, .unknown:
            return nil
        }
    }
}
