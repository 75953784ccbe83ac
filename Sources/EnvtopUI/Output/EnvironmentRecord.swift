import EnvtopCore
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One environment's queue for scripts (`envtop stats`, `--once -o json`): the API's stats, the
/// items by state and by attention reason, and the runbook rules failing now.
public struct EnvironmentRecord: Encodable, Sendable, Equatable {
    public var environment: String
    public var name: String?
    public var profile: String
    /// What the ENV column shows: the profile's label (with the name when the profile has several).
    public var label: String
    public var production: Bool
    /// The last refresh answered; false when the API failed (then `error` says how).
    public var reachable: Bool
    public var lastSuccess: String?
    public var error: String?
    public var depth: Int?
    public var pending: Int?
    /// `depth + pending`: every item waiting to be claimed or acknowledged.
    public var queued: Int?
    public var oldestQueuedAgeSeconds: Double?
    public var workersPolling: Int?
    public var items: Int
    public var byState: [String: Int]
    public var needsAttention: Int
    public var byReason: [String: Int]
    /// Failing runbook rules by name (`no_workers`, `stalled_claim`, `backlog_age`, `backlog_growing`).
    public var rulesFailing: [String]

    enum CodingKeys: String, CodingKey {
        case environment, name, profile, label, production, reachable, error, depth, pending, queued, items
        case lastSuccess = "last_success"
        case oldestQueuedAgeSeconds = "oldest_queued_age_seconds"
        case workersPolling = "workers_polling"
        case byState = "by_state"
        case needsAttention = "needs_attention"
        case byReason = "by_reason"
        case rulesFailing = "rules_failing"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(environment, forKey: .environment)
        try c.encode(name, forKey: .name)
        try c.encode(profile, forKey: .profile)
        try c.encode(label, forKey: .label)
        try c.encode(production, forKey: .production)
        try c.encode(reachable, forKey: .reachable)
        try c.encode(lastSuccess, forKey: .lastSuccess)
        try c.encode(error, forKey: .error)
        try c.encode(depth, forKey: .depth)
        try c.encode(pending, forKey: .pending)
        try c.encode(queued, forKey: .queued)
        try c.encode(oldestQueuedAgeSeconds, forKey: .oldestQueuedAgeSeconds)
        try c.encode(workersPolling, forKey: .workersPolling)
        try c.encode(items, forKey: .items)
        try c.encode(byState, forKey: .byState)
        try c.encode(needsAttention, forKey: .needsAttention)
        try c.encode(byReason, forKey: .byReason)
        try c.encode(rulesFailing, forKey: .rulesFailing)
    }

    /// A rule's name for scripts: `noWorkers` → `no_workers`.
    public static func ruleName(_ rule: QueueRule) -> String { rule.title.replacing(" ", with: "_") }

    /// Every watched environment's record, in the order they were named.
    public static func all(_ state: AppState) -> [EnvironmentRecord] {
        state.feeds.map { feed in
            let env = state.watched(feed.environmentID) ?? WatchedEnvironment(id: feed.environmentID)
            let stats = feed.stats
            var byState: [String: Int] = [:]
            for s in WorkState.known { byState[s.rawValue] = feed.store.counts[s] }
            var byReason: [String: Int] = [:]
            for reason in feed.attention.values { byReason[reason.queryName, default: 0] += 1 }
            return EnvironmentRecord(
                environment: feed.environmentID, name: env.name, profile: env.profile,
                label: state.tag(feed.environmentID), production: env.production,
                reachable: feed.connection.lastError == nil && feed.connection.lastSuccessAt != nil,
                lastSuccess: feed.connection.lastSuccessAt.map(RFC3339.format),
                error: feed.connection.lastError.map { ErrorWording.plain($0) },
                depth: stats?.depth, pending: stats?.pending, queued: stats.map { $0.depth + $0.pending },
                oldestQueuedAgeSeconds: stats?.oldestQueuedAt.map { ItemRecord.rounded(state.now.timeIntervalSince($0)) },
                workersPolling: stats?.workersPolling, items: feed.store.count, byState: byState,
                needsAttention: feed.attention.count, byReason: byReason,
                rulesFailing: feed.rules.firing.map { ruleName($0.rule) })
        }
    }
}
