import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An item's life as the detail pane shows it: each step's time and the durations between them.
///
/// created → acknowledged → started → stop requested → stopped. A step that has not happened has
/// no time, and a duration that needs it is absent ("—" on screen), never 0.
public struct ItemTimeline: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public var name: String
        public var at: Date?
    }

    public var steps: [Step]
    /// created → acknowledged (→ now while queued).
    public var queueWait: Double?
    /// acknowledged → started (→ now while starting).
    public var startLatency: Double?
    /// started → stop requested or stopped (→ now while running).
    public var runTime: Double?
    /// last heartbeat → now, while a worker should be beating.
    public var heartbeatAge: Double?
    /// stop requested → stopped (→ now while stopping).
    public var drainAge: Double?

    public init(_ item: WorkItem, now: Date) {
        steps = [
            Step(name: "created", at: item.createdAt), Step(name: "acknowledged", at: item.acknowledgedAt),
            Step(name: "started", at: item.startedAt), Step(name: "stop requested", at: item.stopRequestedAt),
            Step(name: "stopped", at: item.stoppedAt),
        ]
        let ended = item.stoppedAt
        func span(_ from: Date?, _ to: Date?) -> Double? {
            guard let from, let to else { return nil }
            return max(0, to.timeIntervalSince(from))
        }
        queueWait = span(item.createdAt, item.acknowledgedAt ?? (item.state == .queued ? now : ended))
        startLatency = item.acknowledgedAt == nil ? nil
            : span(item.acknowledgedAt, item.startedAt ?? (item.state == .starting ? now : nil))
        runTime = item.startedAt == nil ? nil : span(item.startedAt, item.stopRequestedAt ?? ended ?? now)
        let beating = item.state == .starting || item.state == .active || item.state == .stopping
        heartbeatAge = beating ? span(item.latestHeartbeatAt, now) : nil
        drainAge = item.stopRequestedAt == nil ? nil : span(item.stopRequestedAt, ended ?? now)
    }

    /// A duration as the pane shows it: "4m12s", or "—" when it does not apply.
    public static func text(_ seconds: Double?) -> String {
        seconds.map { Age.exact($0) } ?? "—"
    }
}
