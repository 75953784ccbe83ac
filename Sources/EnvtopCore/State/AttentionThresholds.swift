import EnvtopModels

/// When an item needs an operator. Defaults follow the SDK worker (docs/API.md, "SDK worker");
/// the config file can change them.
public struct AttentionThresholds: Sendable, Hashable {
    /// A heartbeat older than this means the lease is lost: no live worker (SDK assumes 90 s).
    public var leaseTTLSeconds: Double = Double(APIConstants.defaultLeaseTTLSeconds)
    /// `stopping` for longer than one heartbeat interval (30 s) plus slack: the worker ignores it.
    public var stoppingGraceSeconds: Double = 45
    /// `starting` for longer than this never became active.
    public var startingGraceSeconds: Double = 60
    /// Still `queued` this long while workers poll: likely polled and never acknowledged.
    public var queuedGraceSeconds: Double = 120

    public init() {}

    public init(leaseTTLSeconds: Double, stoppingGraceSeconds: Double, startingGraceSeconds: Double, queuedGraceSeconds: Double) {
        self.leaseTTLSeconds = leaseTTLSeconds
        self.stoppingGraceSeconds = stoppingGraceSeconds
        self.startingGraceSeconds = startingGraceSeconds
        self.queuedGraceSeconds = queuedGraceSeconds
    }
}
