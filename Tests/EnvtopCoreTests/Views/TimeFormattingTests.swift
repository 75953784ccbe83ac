import EnvtopCore
import EnvtopModels
import Foundation
import Testing

/// Local clock times computed by arithmetic, in a pinned time zone.
@Suite("Time formatting")
struct TimeFormattingTests {
    let now = ViewFixtures.now  // 2026-03-04T12:00:00Z

    @Test("UTC: today as HH:mm:ss, another day with the date, and the age")
    func utc() {
        let time = TimeFormatting(timeZone: ViewFixtures.utc)
        #expect(time.clock(now.addingTimeInterval(-20), now: now) == "11:59:40")
        #expect(time.clock(now.addingTimeInterval(-12 * 3600), now: now) == "00:00:00")
        #expect(time.clock(now.addingTimeInterval(-12 * 3600 - 1), now: now) == "Mar 3 23:59:59")
        #expect(time.clock(RFC3339Fixture.date("2025-12-31T23:05:09Z"), now: now) == "Dec 31 23:05:09")
        #expect(time.stamp(now.addingTimeInterval(-252), now: now) == "11:55:48 (4m12s ago)")
    }

    @Test("a fixed offset moves the day boundary", arguments: [9, -5])
    func offsets(hours: Int) throws {
        let zone = try #require(TimeZone(secondsFromGMT: hours * 3600))
        let time = TimeFormatting(timeZone: zone)
        if hours == 9 {
            // 12:00Z is 21:00 in UTC+9; 15:00Z is already tomorrow there.
            #expect(time.clock(now, now: now) == "21:00:00")
            #expect(time.clock(RFC3339Fixture.date("2026-03-04T14:59:59Z"), now: now) == "23:59:59")
            #expect(time.clock(RFC3339Fixture.date("2026-03-04T15:00:00Z"), now: now) == "Mar 5 00:00:00")
        } else {
            #expect(time.clock(now, now: now) == "07:00:00")
            #expect(time.clock(RFC3339Fixture.date("2026-03-04T04:59:59Z"), now: now) == "Mar 3 23:59:59")
        }
    }

    @Test("dates before 1970 and far ahead still format")
    func extremes() {
        let time = TimeFormatting(timeZone: ViewFixtures.utc)
        #expect(time.clock(RFC3339Fixture.date("1969-12-31T23:59:59Z"), now: now) == "Dec 31 23:59:59")
        #expect(TimeFormatting.relative(now.addingTimeInterval(5), now: now) == "in 5s")
        #expect(TimeFormatting.relative(now.addingTimeInterval(0.5), now: now) == "0s ago")
    }
}

/// Parses fixture timestamps, failing loudly on a typo.
enum RFC3339Fixture {
    static func date(_ text: String) -> Date {
        guard let date = RFC3339.parse(text) else { preconditionFailure("bad fixture timestamp \(text)") }
        return date
    }
}
