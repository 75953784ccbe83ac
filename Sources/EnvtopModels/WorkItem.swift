#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One unit of work in a self-hosted environment (`type: "work"`).
///
/// Nullable fields may arrive absent or `null`; both decode as `nil`. Encoding writes every
/// nullable field, as `null` when unset, exactly as the API does.
public struct WorkItem: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var environmentID: String
    public var state: WorkState
    public var data: WorkData
    public var metadata: [String: String]
    public var createdAt: Date
    public var acknowledgedAt: Date?
    public var startedAt: Date?
    public var latestHeartbeatAt: Date?
    public var stopRequestedAt: Date?
    public var stoppedAt: Date?
    /// Filled only on poll. Never shown; the dashboard only says whether one exists.
    public var secret: WorkSecret?

    public init(
        id: String, environmentID: String, state: WorkState, data: WorkData,
        metadata: [String: String] = [:], createdAt: Date, acknowledgedAt: Date? = nil,
        startedAt: Date? = nil, latestHeartbeatAt: Date? = nil, stopRequestedAt: Date? = nil,
        stoppedAt: Date? = nil, secret: WorkSecret? = nil
    ) {
        self.id = id
        self.environmentID = environmentID
        self.state = state
        self.data = data
        self.metadata = metadata
        self.createdAt = createdAt
        self.acknowledgedAt = acknowledgedAt
        self.startedAt = startedAt
        self.latestHeartbeatAt = latestHeartbeatAt
        self.stopRequestedAt = stopRequestedAt
        self.stoppedAt = stoppedAt
        self.secret = secret
    }

    /// The session id for session work, the check id for health checks.
    public var sessionID: String { data.id }

    /// When the item entered its current state, as far as its timestamps tell.
    public var stateEnteredAt: Date {
        switch state {
        case .queued: createdAt
        case .starting: acknowledgedAt ?? createdAt
        case .active: startedAt ?? acknowledgedAt ?? createdAt
        case .stopping: stopRequestedAt ?? startedAt ?? createdAt
        case .stopped: stoppedAt ?? stopRequestedAt ?? createdAt
        case .unknown: createdAt
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, type, state, data, metadata, secret
        case environmentID = "environment_id"
        case createdAt = "created_at"
        case acknowledgedAt = "acknowledged_at"
        case startedAt = "started_at"
        case latestHeartbeatAt = "latest_heartbeat_at"
        case stopRequestedAt = "stop_requested_at"
        case stoppedAt = "stopped_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        environmentID = try c.decode(String.self, forKey: .environmentID)
        state = try c.decode(WorkState.self, forKey: .state)
        data = try c.decode(WorkData.self, forKey: .data)
        metadata = try c.decodeIfPresent([String: String].self, forKey: .metadata) ?? [:]
        createdAt = try c.decodeTimestamp(forKey: .createdAt)
        acknowledgedAt = try c.decodeTimestampIfPresent(forKey: .acknowledgedAt)
        startedAt = try c.decodeTimestampIfPresent(forKey: .startedAt)
        latestHeartbeatAt = try c.decodeTimestampIfPresent(forKey: .latestHeartbeatAt)
        stopRequestedAt = try c.decodeTimestampIfPresent(forKey: .stopRequestedAt)
        stoppedAt = try c.decodeTimestampIfPresent(forKey: .stoppedAt)
        secret = try c.decodeIfPresent(WorkSecret.self, forKey: .secret)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode("work", forKey: .type)
        try c.encode(environmentID, forKey: .environmentID)
        try c.encode(state, forKey: .state)
        try c.encode(data, forKey: .data)
        try c.encode(metadata, forKey: .metadata)
        try c.encodeTimestamp(createdAt, forKey: .createdAt)
        try c.encodeTimestamp(acknowledgedAt, forKey: .acknowledgedAt)
        try c.encodeTimestamp(startedAt, forKey: .startedAt)
        try c.encodeTimestamp(latestHeartbeatAt, forKey: .latestHeartbeatAt)
        try c.encodeTimestamp(stopRequestedAt, forKey: .stopRequestedAt)
        try c.encodeTimestamp(stoppedAt, forKey: .stoppedAt)
        if let secret { try c.encode(secret, forKey: .secret) } else { try c.encodeNil(forKey: .secret) }
    }
}
