import EnvtopCore
import Foundation
import Testing

/// The machine's zone comes from the C library, daylight saving included: Foundation's
/// `TimeZone.current` is GMT without FoundationInternationalization, which envtop leaves out.
@Suite("Clock zone")
struct ClockZoneTests {
    @Test("TZ=America/New_York: -5 h in January, -4 h in July; back to UTC after")
    func followsTheZoneDatabase() throws {
        try #require(FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/America/New_York"))
        let previous = getenv("TZ").map { String(cString: $0) }
        setenv("TZ", "America/New_York", 1)
        tzset()
        defer {
            if let previous { setenv("TZ", previous, 1) } else { unsetenv("TZ") }
            tzset()
        }
        let january = RFC3339Fixture.date("2026-01-15T12:00:00Z")
        let july = RFC3339Fixture.date("2026-07-15T12:00:00Z")
        #expect(ClockZone.current.secondsFromGMT(for: january) == -5 * 3600)
        #expect(ClockZone.current.secondsFromGMT(for: july) == -4 * 3600)
        #expect(TimeFormatting(timeZone: .current).clock(july, now: july) == "08:00:00")
        setenv("TZ", "UTC", 1)
        tzset()
        #expect(ClockZone.current.secondsFromGMT(for: july) == 0)
    }
}
