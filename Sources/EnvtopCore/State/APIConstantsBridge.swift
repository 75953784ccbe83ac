import EnvtopModels

/// The wire constants the core needs, re-exported so core files read as the domain.
enum APIConstantsBridge {
    static let defaultLeaseTTLSeconds = APIConstants.defaultLeaseTTLSeconds
    static let maxHeartbeatIntervalSeconds = APIConstants.maxHeartbeatIntervalSeconds
}
