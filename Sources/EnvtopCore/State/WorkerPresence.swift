import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Whether a live worker holds an item: a graceful stop is seen only at that worker's next
/// heartbeat, so without one it sits in `stopping` and only a force stop ends the item.
///
/// From the SDK workers (docs/API.md, "SDK worker"): they beat every `clamp(ttl/2, 1 s, 30 s)` and
/// presume the lease lost after the TTL without a successful beat.
public enum WorkerPresence: Sendable, Equatable {
    case alive
    /// No live worker, and why, in a few words ("lease lost: last heartbeat 5m ago").
    case none(String)

    public static func of(_ item: WorkItem, now: Date, thresholds t: AttentionThresholds) -> WorkerPresence {
        let beatAge = item.latestHeartbeatAt.map { now.timeIntervalSince($0) }
        switch item.state {
        case .queued:
            return .none("it is still queued")
        case .starting, .active, .stopping:
            if let beatAge {
                if beatAge > t.leaseTTLSeconds { return .none("lease lost: last heartbeat \(Age.format(beatAge)) ago") }
            } else {
                let since = item.startedAt ?? item.acknowledgedAt ?? item.createdAt
                let age = now.timeIntervalSince(since)
                let grace = item.state == .starting ? t.startingGraceSeconds : t.leaseTTLSeconds
                if age > grace {
                    return .none(item.startedAt == nil ? "never started: acknowledged \(Age.format(age)) ago" : "never beat in \(Age.format(age))")
                }
            }
            if item.state == .stopping, let asked = item.stopRequestedAt, now.timeIntervalSince(asked) > t.stoppingGraceSeconds {
                return .none("no worker saw the stop asked \(Age.format(now.timeIntervalSince(asked))) ago")
            }
            return .alive
        case .stopped, .unknown:
            return .alive
        }
    }

    public var reason: String? {
        if case .none(let why) = self { return why }
        return nil
    }
}
