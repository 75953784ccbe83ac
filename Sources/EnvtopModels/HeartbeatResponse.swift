/// The answer to a worker's heartbeat (`type: "work_heartbeat"`).
///
/// `lastHeartbeat` stays a string: the worker echoes it back verbatim as
/// `expected_last_heartbeat`, and the server compares it exactly. It is `""` before any heartbeat.
public struct HeartbeatResponse: Sendable, Hashable, Codable {
    public var lastHeartbeat: String
    public var leaseExtended: Bool
    public var state: WorkState
    public var ttlSeconds: Int

    public init(lastHeartbeat: String, leaseExtended: Bool, state: WorkState, ttlSeconds: Int) {
        self.lastHeartbeat = lastHeartbeat
        self.leaseExtended = leaseExtended
        self.state = state
        self.ttlSeconds = ttlSeconds
    }

    enum CodingKeys: String, CodingKey {
        case state, type
        case lastHeartbeat = "last_heartbeat"
        case leaseExtended = "lease_extended"
        case ttlSeconds = "ttl_seconds"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lastHeartbeat = try c.decodeIfPresent(String.self, forKey: .lastHeartbeat) ?? ""
        leaseExtended = try c.decode(Bool.self, forKey: .leaseExtended)
        state = try c.decode(WorkState.self, forKey: .state)
        if let whole = try? c.decode(Int.self, forKey: .ttlSeconds) {
            ttlSeconds = whole
        } else {
            ttlSeconds = Int(try c.decode(Double.self, forKey: .ttlSeconds))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("work_heartbeat", forKey: .type)
        try c.encode(lastHeartbeat, forKey: .lastHeartbeat)
        try c.encode(leaseExtended, forKey: .leaseExtended)
        try c.encode(state, forKey: .state)
        try c.encode(ttlSeconds, forKey: .ttlSeconds)
    }
}
