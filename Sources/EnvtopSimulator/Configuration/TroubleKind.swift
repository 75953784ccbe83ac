/// The named kinds of trouble the simulator can produce on demand, each the shape of a failure
/// an operator meets (docs/API.md, "Reading the queue as an operator"). Started from the
/// configuration (`simulate --trouble`, the demo's schedule) or `POST /_sim/trouble`.
public enum TroubleKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// An item acknowledged, a graceful stop asked 2 s later, never started, ended 3 s after.
    case handoffBroken = "handoff_broken"
    /// An item acknowledged and force-stopped a second later, never started.
    case failedClaim = "failed_claim"
    /// An item acknowledged and beaten once (active), then its worker is gone.
    case leaseLost = "lease_lost"
    /// An item polled by a worker that never acknowledges it: `pending` stays at 1.
    case stalledClaim = "stalled_claim"
    /// The environment's workers stop polling (and one item waits).
    case noWorkers = "no_workers"
    /// An item every 3 s that no worker is handed: the depth keeps rising.
    case growingBacklog = "growing_backlog"
    /// Many items at once (15 unless `count` says otherwise), for the workers to drain.
    case burst

    /// How long a trouble with a duration lasts unless told.
    public var defaultSeconds: Double {
        switch self {
        case .stalledClaim, .noWorkers: 90
        case .growingBacklog: 240
        case .handoffBroken, .failedClaim, .leaseLost, .burst: 0
        }
    }
}

/// One trouble to start: where, what, and how much.
public struct TroubleRequest: Sendable, Equatable, Codable {
    public var environmentID: String?
    /// With the configuration's schedule: the environment by its position (0 = the first).
    public var environmentIndex: Int?
    public var kind: TroubleKind
    /// Items for a burst; times to repeat the item kinds (handoff, failed claim, lease lost).
    public var count: Int?
    /// How long a stalled claim, missing workers or a growing backlog lasts.
    public var seconds: Double?
    /// With the configuration's schedule: seconds after the simulator starts.
    public var afterSeconds: Double?

    public init(
        kind: TroubleKind, environmentID: String? = nil, environmentIndex: Int? = nil, count: Int? = nil,
        seconds: Double? = nil, afterSeconds: Double? = nil
    ) {
        self.kind = kind
        self.environmentID = environmentID
        self.environmentIndex = environmentIndex
        self.count = count
        self.seconds = seconds
        self.afterSeconds = afterSeconds
    }

    enum CodingKeys: String, CodingKey {
        case kind, count, seconds
        case environmentID = "environment_id"
        case environmentIndex = "environment_index"
        case afterSeconds = "after_seconds"
    }
}
