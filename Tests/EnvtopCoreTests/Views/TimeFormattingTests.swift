import EnvtopCore
import EnvtopUI
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
        #expect(time.stamp(now.addingTimeInterval(-252), now: now) == "11:55:48 (4m ago)")
        #expect(time.minuteClock(now.addingTimeInterval(-252)) == "11:55")
    }

    @Test("a fixed offset moves the day boundary", arguments: [9, -5])
    func offsets(hours: Int) throws {
        let zone = ClockZone(secondsFromGMT: hours * 3600)
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

/// Ages step so that an idle screen does not repaint every second; settings print exactly.
@Suite("Ages")
struct AgeTests {
    @Test("ages round down to 5 s under a minute, whole minutes under an hour, then hours and days")
    func steps() {
        let cases: [(Double, String, String)] = [
            (-3, "0s", "0s"), (0, "0s", "0s"), (4.9, "0s", "0s"), (5, "5s", "5s"), (19, "15s", "15s"), (59.9, "55s", "55s"),
            (60, "1m", "1m"), (252, "4m", "4m"), (3599, "59m", "59m"), (3600, "1h00m", "1h"), (3 * 3600 + 5 * 60 + 59, "3h05m", "3h"),
            (86_400 * 2 + 4 * 3600, "2d4h", "2d"),
        ]
        for (seconds, format, short) in cases {
            #expect(Age.format(seconds) == format, "\(seconds)")
            #expect(Age.short(seconds) == short, "\(seconds)")
        }
    }

    @Test("a fixed duration such as a lease prints to the second: a step would misstate it")
    func exact() {
        #expect(Age.exact(22) == "22s")
        #expect(Age.exact(90) == "1m30s")
        #expect(Age.exact(120) == "2m")
        #expect(Age.exact(7200) == "2h")
        #expect(Age.exact(3660) == "1h01m")
    }

    @Test("an age changes its text at most once per step while the clock runs")
    func changesPerMinute() {
        var texts: [String] = []
        for second in 0..<120 { texts.append(Age.format(Double(second) + 0.5)) }
        let changes = zip(texts, texts.dropFirst()).filter { $0 != $1 }.count
        // 11 changes through the first minute (every 5 s), then one at 2m.
        #expect(changes == 12)
    }
}

/// Parses fixture timestamps, failing loudly on a typo.
enum RFC3339Fixture {
    static func date(_ text: String) -> Date {
        guard let date = RFC3339.parse(text) else { preconditionFailure("bad fixture timestamp \(text)") }
        return date
    }
}
