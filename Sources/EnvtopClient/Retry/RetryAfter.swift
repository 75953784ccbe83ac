#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads how long the server asked the client to wait, as the SDK's `_parse_retry_after_header`.
///
/// `retry-after-ms` (milliseconds, may be fractional) wins when it parses as a number; then
/// `retry-after` as seconds (fractions allowed); then `retry-after` as an HTTP date, relative to
/// `now`. The result may be zero or negative (a date in the past): the policy then falls back to
/// its own backoff, exactly as the SDK does.
public enum RetryAfter {
    public static func seconds(from headers: ResponseHeaders, now: Date) -> Double? {
        if let ms = headers["retry-after-ms"].flatMap(pythonFloat) {
            return ms / 1000
        }
        guard let header = headers["retry-after"] else { return nil }
        if let seconds = pythonFloat(header) {
            return seconds
        }
        guard let date = HTTPDate.parse(header) else { return nil }
        return date.timeIntervalSince(now)
    }

    /// Parses a number as Python's `float(str)` does: surrounding blanks allowed, `inf`/`nan` too,
    /// but not hexadecimal, which Swift alone would accept.
    static func pythonFloat(_ text: String) -> Double? {
        let trimmed = text.trimmed()
        guard !trimmed.isEmpty, !trimmed.lowercased().contains("x") else { return nil }
        return Double(trimmed)
    }
}
