import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The health of the link to the API, for the header.
public struct ConnectionStatus: Sendable, Equatable {
    /// When the last refresh cycle completed without an error.
    public var lastSuccessAt: Date?
    /// Round-trip times of the last few successful stats calls, newest last, in seconds.
    public var recentLatencies: [Double] = []
    /// The error of the last failed call, shown in plain words until a refresh succeeds.
    public var lastError: APIError?
    /// When the data on screen became stale: the first failure after the last success.
    public var staleSince: Date?
    /// Failed refresh cycles in a row; drives the backoff.
    public var consecutiveFailures: Int = 0
    /// Until when the API asked not to be called (a 429's or 503's `retry-after`, capped): the
    /// next refresh waits for it, and the header says so. Nil when it asked nothing.
    public var rateLimitedUntil: Date?
    /// Failed requests this session, for the header.
    public var errorCount: Int = 0

    public init() {}

    public var isStale: Bool { staleSince != nil }

    /// How many round trips the shown latency is the median of.
    public static let latencyWindow = 9

    /// The median round trip of the last few stats calls: one slow answer does not make the
    /// header jump, and a link that really got slower shows within a few refreshes.
    public var latencySeconds: Double? {
        guard !recentLatencies.isEmpty else { return nil }
        let sorted = recentLatencies.sorted()
        return sorted[sorted.count / 2]
    }

    mutating func recordLatency(_ seconds: Double) {
        recentLatencies.append(seconds)
        if recentLatencies.count > Self.latencyWindow { recentLatencies.removeFirst() }
    }
}
