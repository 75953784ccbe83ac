#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// When and how long to wait before trying a failed call again: the official SDKs' policy.
///
/// Mirrors `_should_retry` and `_calculate_retry_timeout` of the Python SDK 2.10.0
/// (`anthropic/_base_client.py`): `x-should-retry` decides first; otherwise 408, 409, 429 and
/// every 5xx are retried, as are connection failures and timeouts. The wait is what the server
/// asked for (`retry-after-ms`, then `retry-after`) when that is positive, capped at 4,294,967 s
/// like the SDK; otherwise `initialDelay * 2^retriesTaken`, at most `maxDelay`, times a jitter
/// factor in (0.75, 1].
public struct RetryPolicy: Sendable, Hashable {
    /// Retries after the first attempt; 0 disables retrying.
    public var maxRetries: Int
    /// The backoff before the first retry, in seconds.
    public var initialDelay: Double
    /// The longest backoff, in seconds.
    public var maxDelay: Double
    /// The longest server-requested wait honoured, in seconds.
    public var maxRetryAfter: Double

    /// The SDK's defaults: two retries, 0.5 s doubling to 8 s.
    public static let sdkDefault = RetryPolicy(
        maxRetries: 2, initialDelay: 0.5, maxDelay: 8, maxRetryAfter: 4_294_967)

    public init(maxRetries: Int, initialDelay: Double, maxDelay: Double, maxRetryAfter: Double = 4_294_967) {
        self.maxRetries = max(0, maxRetries)
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// Whether an error response is worth another attempt.
    public static func shouldRetry(status: Int, headers: ResponseHeaders) -> Bool {
        switch headers["x-should-retry"] {
        case "true": return true
        case "false": return false
        default: return status == 408 || status == 409 || status == 429 || status >= 500
        }
    }

    /// The backoff before retry number `retriesTaken + 1`, for a `random` value in [0, 1).
    public func backoff(retriesTaken: Int, random: Double) -> Double {
        // 2^62 seconds is past any cap; the shift keeps this free of libm.
        let delay = min(initialDelay * Double(UInt64(1) << UInt64(min(max(retriesTaken, 0), 62))), maxDelay)
        let jittered = delay * (1 - 0.25 * random)
        return jittered >= 0 ? jittered : 0
    }

    /// The wait before the next attempt: the server's `retryAfter` when positive, else the backoff.
    public func delay(retriesTaken: Int, retryAfter: Double?, random: Double) -> Double {
        if let retryAfter, retryAfter > 0 {
            return min(retryAfter, maxRetryAfter)
        }
        return backoff(retriesTaken: retriesTaken, random: random)
    }
}
