import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The known shapes of a failed work item, named with their cause and fix, so the detail pane
/// diagnoses instead of listing timestamps.
public enum FailureSignature: String, Sendable, Hashable, CaseIterable {
    case handoffBroken
    case failedClaim
    case leaseLost
    case drainOverdue
    case stalledClaim
    case neverStarted

    /// Within this many seconds of acknowledgement, a stop that ends an item which never started
    /// is part of the claim itself, not an operator's decision.
    public static let claimWindowSeconds = 10.0

    public var title: String {
        switch self {
        case .handoffBroken: "handoff broken"
        case .failedClaim: "failed claim"
        case .leaseLost: "lease lost"
        case .drainOverdue: "drain overdue"
        case .stalledClaim: "stalled claim"
        case .neverStarted: "never started"
        }
    }

    public var cause: String {
        switch self {
        case .handoffBroken:
            "A stop was requested within seconds of the acknowledgement and the session never started: the worker's spawn script returned before the sandbox connected, and the poller took the script's exit as \"finished\"."
        case .failedClaim:
            "Stopped within seconds of the acknowledgement, never started: the claim failed (an ack failure, a memory-store mount failure, or a work type the worker does not support)."
        case .leaseLost:
            "The last heartbeat is older than the lease TTL: the worker died or lost the network."
        case .drainOverdue:
            "A graceful stop was asked more than one heartbeat interval ago and nothing confirmed it: no live worker saw the stop."
        case .stalledClaim:
            "A worker polled this item and has not acknowledged it: it stalled between claim and ack."
        case .neverStarted:
            "Acknowledged long ago and never started (or running without a single heartbeat): the worker died while setting the session up."
        }
    }

    public var fix: String {
        switch self {
        case .handoffBroken:
            "Run the spawn command in the foreground so the poller waits for the session (anthropic-sdk-python issue #1779)."
        case .failedClaim:
            "Read the worker's log around the acknowledgement time; check its memory-store mounts and the work types it handles."
        case .leaseLost, .drainOverdue, .neverStarted:
            "Force stop (S) ends it; a graceful stop would wait for a worker that is gone. Then check the worker host."
        case .stalledClaim:
            "Check the worker that polled it (logs, its ack call); the server hands the item out again after reclaim_older_than_ms."
        }
    }

    /// The signature an item shows at `now`, if any. `attention` is the dashboard's reason for
    /// the item (a stalled claim is known only from the queue's stats, not from the item).
    public static func of(
        _ item: WorkItem, now: Date, thresholds t: AttentionThresholds, attention: Attention? = nil
    ) -> FailureSignature? {
        if case .stalledClaim = attention { return .stalledClaim }
        let neverStarted = item.startedAt == nil
        if let ack = item.acknowledgedAt, neverStarted {
            // A force stop ends an item at once (and may record the request with it): stopped
            // within a second of the request is the claim failing. A graceful request that
            // something else ended later is the poller letting go of a session it never saw.
            let stopped = item.stoppedAt
            if let asked = item.stopRequestedAt, asked.timeIntervalSince(ack) <= claimWindowSeconds {
                if let stopped, stopped.timeIntervalSince(asked) < 1 { return .failedClaim }
                return .handoffBroken
            }
            if item.stopRequestedAt == nil, let stopped, stopped.timeIntervalSince(ack) <= claimWindowSeconds { return .failedClaim }
        }
        switch item.state {
        case .active, .starting:
            if let beat = item.latestHeartbeatAt, now.timeIntervalSince(beat) > t.leaseTTLSeconds { return .leaseLost }
            if item.latestHeartbeatAt == nil {
                if item.state == .starting, let ack = item.acknowledgedAt, now.timeIntervalSince(ack) > t.startingGraceSeconds {
                    return .neverStarted
                }
                if item.state == .active, now.timeIntervalSince(item.startedAt ?? item.acknowledgedAt ?? item.createdAt) > t.leaseTTLSeconds {
                    return .neverStarted
                }
            }
            return nil
        case .stopping:
            if let asked = item.stopRequestedAt, now.timeIntervalSince(asked) > t.stoppingGraceSeconds { return .drainOverdue }
            return nil
        case .queued, .stopped, .unknown:
            return nil
        }
    }
}
