import EnvtopModels

/// When an item needs an operator. Defaults follow the SDK worker (docs/API.md, "SDK worker");
/// the config file can change them.
public struct AttentionThresholds: Sendable, Hashable {
    /// A heartbeat older than this means the lease is lost: no live worker (SDK assumes 90 s).
    public var leaseTTLSeconds: Double = Double(APIConstants.defaultLeaseTTLSeconds)
    /// `stopping` for longer than one heartbeat interval plus slack: no live worker saw the stop
    /// ("drain overdue"). 35 s with the default lease.
    public var stoppingGraceSeconds: Double = Self.drainGrace(leaseTTL: Double(APIConstants.defaultLeaseTTLSeconds))
    /// `starting` for longer than this never became active.
    public var startingGraceSeconds: Double = 60
    /// Still `queued` this long while workers poll: likely polled and never acknowledged.
    public var queuedGraceSeconds: Double = 120

    public init() {}

    /// The SDK workers' heartbeat interval: `clamp(ttl / 2, 1 s, 30 s)`.
    public var heartbeatIntervalSeconds: Double { Self.heartbeatInterval(leaseTTL: leaseTTLSeconds) }
    /// A heartbeat older than two intervals has missed two beats: a warning before the lease is lost.
    public var heartbeatLateSeconds: Double { 2 * heartbeatIntervalSeconds }

    public static func heartbeatInterval(leaseTTL: Double) -> Double { min(30, max(1, leaseTTL / 2)) }
    /// One heartbeat interval plus 5 s for the round trip: a stop a live worker saw is done by then.
    public static func drainGrace(leaseTTL: Double) -> Double { heartbeatInterval(leaseTTL: leaseTTL) + 5 }

    public init(leaseTTLSeconds: Double, stoppingGraceSeconds: Double, startingGraceSeconds: Double, queuedGraceSeconds: Double) {
        self.leaseTTLSeconds = leaseTTLSeconds
        self.stoppingGraceSeconds = stoppingGraceSeconds
        self.startingGraceSeconds = startingGraceSeconds
        self.queuedGraceSeconds = queuedGraceSeconds
    }
}
