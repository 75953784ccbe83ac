/// Wire constants shared by the client and the simulator (docs/API.md, "Connection").
public enum APIConstants {
    public static let defaultBaseURL = "https://api.anthropic.com"
    public static let anthropicVersion = "2026-10-21"
    public static let betaHeaderValue = "managed-agents-2026-04-01"
    public static let versionHeader = "anthropic-version"
    public static let betaHeader = "anthropic-beta"
    public static let workspaceHeader = "anthropic-workspace-id"
    public static let workerIDHeader = "anthropic-worker-id"
    public static let requestIDHeader = "request-id"
    /// The literal a worker sends as `expected_last_heartbeat` on its first beat.
    public static let noHeartbeat = "NO_HEARTBEAT"
    /// The lease TTL the SDK's worker assumes until the server says otherwise.
    public static let defaultLeaseTTLSeconds = 90
    /// The longest interval between heartbeats of the SDK's worker, which beats every
    /// `clamp(ttl/2, 1 s, 30 s)` (docs/API.md, "SDK worker").
    public static let maxHeartbeatIntervalSeconds = 30
    /// The reclaim delay for polled, unacknowledged items when the poll names none.
    public static let defaultReclaimMilliseconds = 5000
}
