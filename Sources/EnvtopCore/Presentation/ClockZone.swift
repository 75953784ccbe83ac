#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The time zone the screen's clock times are in: the machine's (`TZ`, else /etc/localtime), UTC,
/// or a fixed offset for tests.
///
/// Not Foundation's `TimeZone`: without FoundationInternationalization (which envtop leaves out
/// of its binary for size) `TimeZone.current` is always GMT. The C library reads the zone
/// database itself, daylight saving included.
public struct ClockZone: Sendable {
    private let offset: @Sendable (Date) -> Int

    /// Seconds east of UTC at `date`.
    public func secondsFromGMT(for date: Date) -> Int { offset(date) }

    /// The machine's zone, as `date` and `ls -l` show times.
    public static let current = ClockZone { date in
        var time = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard localtime_r(&time, &parts) != nil else { return 0 }
        return Int(parts.tm_gmtoff)
    }

    public static let utc = ClockZone(secondsFromGMT: 0)

    /// A zone that is always `seconds` east of UTC.
    public init(secondsFromGMT seconds: Int) { offset = { _ in seconds } }

    private init(offset: @escaping @Sendable (Date) -> Int) { self.offset = offset }
}
