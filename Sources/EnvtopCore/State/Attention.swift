import EnvtopModels
import Foundation

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

    /// A short reason for the list row.
    public var shortReason: String {
        switch self {
        case .heartbeatStale(let age): "no heartbeat \(Age.format(age))"
        case .neverHeartbeated(let age): "never heartbeated \(Age.format(age))"
        case .stuckStopping(let age): "stopping \(Age.format(age))"
        case .stuckStarting(let age): "starting \(Age.format(age))"
        case .stuckQueued(let age): "queued \(Age.format(age))"
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
            "Stop requested \(Age.format(age)) ago and still stopping: a healthy worker finishes within \(APIConstants.maxHeartbeatIntervalSeconds)s. Force stop ends it."
        case .stuckStarting(let age):
            "Acknowledged \(Age.format(age)) ago and never became active: the worker may have died while starting."
        case .stuckQueued(let age):
            "Queued \(Age.format(age)) while workers poll: it may have been polled and never acknowledged."
        }
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
