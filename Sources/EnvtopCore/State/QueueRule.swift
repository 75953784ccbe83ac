#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The operations runbook's alerts on a self-hosted queue, checked live on every refresh.
///
/// From the platform's operations documentation (docs/API.md, "Stats"): alert on a *sustained*
/// non-zero `pending` (a worker stalled between claiming and acknowledging), on liveness
/// (`workers_polling` at 0 while work waits), and on backlog (how long the oldest item has
/// waited, and a depth that keeps rising).
public enum QueueRule: String, Sendable, Hashable, CaseIterable {
    case noWorkers
    case stalledClaim
    case backlogAge
    case backlogGrowing

    public enum Severity: Sendable, Hashable, Comparable {
        case warning, critical
    }

    /// The rule's name on screen.
    public var title: String {
        switch self {
        case .noWorkers: "no workers"
        case .stalledClaim: "stalled claim"
        case .backlogAge: "backlog age"
        case .backlogGrowing: "backlog growing"
        }
    }

    public var severity: Severity {
        switch self {
        case .noWorkers, .stalledClaim: .critical
        case .backlogAge, .backlogGrowing: .warning
        }
    }

    /// What is wrong, in one line.
    public func cause(_ t: RunbookThresholds) -> String {
        switch self {
        case .noWorkers:
            "work is queued and no worker has polled in the last 30s"
        case .stalledClaim:
            "an item was polled and not acknowledged for over \(Age.exact(t.stalledClaimSeconds)): a worker stalled between claim and ack"
        case .backlogAge:
            "the oldest queued item has waited over \(Age.exact(t.backlogAgeSeconds))"
        case .backlogGrowing:
            "the depth has kept rising for \(Age.exact(t.backlogGrowingSeconds))"
        }
    }

    /// What to do about it, in one line.
    public var fix: String {
        switch self {
        case .noWorkers:
            "start workers, or check ANTHROPIC_ENVIRONMENT_KEY and ANTHROPIC_ENVIRONMENT_ID on the worker host (queued sessions wait, they do not fail)"
        case .stalledClaim:
            "check the worker that polled it (its logs, its ack call); the server hands the item out again after reclaim_older_than_ms"
        case .backlogAge, .backlogGrowing:
            "scale the worker fleet, or check why workers take work slower than it arrives"
        }
    }

    /// How long the condition must hold before the rule fires.
    func holdSeconds(_ t: RunbookThresholds) -> Double {
        switch self {
        case .stalledClaim: t.stalledClaimSeconds
        // workers_polling already covers the last 30 s; the age and growth carry their own time.
        case .noWorkers, .backlogAge, .backlogGrowing: 0
        }
    }

    /// Whether the condition holds at the latest sample, and since when it has (for the rules
    /// whose condition is itself about time).
    func condition(_ history: StatsHistory, _ t: RunbookThresholds) -> (holds: Bool, since: Date?) {
        guard let s = history.latest else { return (false, nil) }
        switch self {
        case .noWorkers:
            return (s.workersPolling == 0 && s.depth > 0, nil)
        case .stalledClaim:
            return (s.pending > 0, nil)
        case .backlogAge:
            guard !s.oldestQueuedAge.isNaN, Double(s.oldestQueuedAge) > t.backlogAgeSeconds else { return (false, nil) }
            return (true, s.at.addingTimeInterval(t.backlogAgeSeconds - Double(s.oldestQueuedAge)))
        case .backlogGrowing:
            // Over the whole window the depth ended higher than it started and never fell below
            // where it started: a rise, not a burst that drained.
            guard let start = history.sample(secondsBeforeLatest: t.backlogGrowingSeconds),
                  s.at.timeIntervalSince(start.at) >= t.backlogGrowingSeconds, s.depth > start.depth
            else { return (false, nil) }
            for i in 0..<history.count {
                let sample = history[i]
                if sample.at >= start.at, sample.depth < start.depth { return (false, nil) }
            }
            return (true, start.at)
        }
    }
}

/// The runbook rules' thresholds; the config file may change them (`runbook:`, per profile too).
public struct RunbookThresholds: Sendable, Hashable {
    /// `pending > 0` for longer than this is a stalled claim.
    public var stalledClaimSeconds: Double = 30
    /// The oldest queued item waiting longer than this is a backlog.
    public var backlogAgeSeconds: Double = 300
    /// A depth rising for this long is a growing backlog.
    public var backlogGrowingSeconds: Double = 180

    public init() {}

    public init(stalledClaimSeconds: Double, backlogAgeSeconds: Double, backlogGrowingSeconds: Double) {
        self.stalledClaimSeconds = stalledClaimSeconds
        self.backlogAgeSeconds = backlogAgeSeconds
        self.backlogGrowingSeconds = backlogGrowingSeconds
    }
}
