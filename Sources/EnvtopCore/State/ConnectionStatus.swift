import EnvtopModels
import Foundation

/// The health of the link to the API, for the header.
public struct ConnectionStatus: Sendable, Equatable {
    /// When the last refresh cycle completed without an error.
    public var lastSuccessAt: Date?
    /// Round-trip time of the last successful stats call, in seconds.
    public var latencySeconds: Double?
    /// The error of the last failed call, shown in plain words until a refresh succeeds.
    public var lastError: APIError?
    /// When the data on screen became stale: the first failure after the last success.
    public var staleSince: Date?
    /// Failed refresh cycles in a row; drives the backoff.
    public var consecutiveFailures: Int = 0
    /// Requests completed and failed this session, for the header.
    public var requestCount: Int = 0
    public var errorCount: Int = 0

    public init() {}

    public var isStale: Bool { staleSince != nil }
}
