import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Local wall-clock times for the screen: "12:03:55" today, "Mar 4 12:03:55" on another day, and
/// the age beside it ("12:03:55 (4m ago)").
///
/// A `DateFormatter` per row per frame is slow, so this does the arithmetic itself: one UTC-offset
/// lookup per date, then civil-calendar maths. The time zone is passed in so tests can pin UTC.
public struct TimeFormatting: Sendable {
    public var timeZone: ClockZone

    /// Clock times in UTC (the list's `a` columns, the detail pane's second time).
    public static let utc = TimeFormatting(timeZone: .utc)

    public init(timeZone: ClockZone = .current) {
        self.timeZone = timeZone
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "HH:mm:ss" when `date` is on the same local day as `now`, else "MMM d HH:mm:ss".
    public func clock(_ date: Date, now: Date) -> String {
        let (day, second) = localDayAndSecond(date)
        let (today, _) = localDayAndSecond(now)
        let time = "\(Self.hoursAndMinutes(second)):\(Self.pad(second % 60))"
        if day == today { return time }
        let (_, month, dayOfMonth) = Self.civil(fromDays: day)
        return "\(Self.monthNames[month - 1]) \(dayOfMonth) \(time)"
    }

    /// "HH:mm", local: the wall clock in the title. The refresh time beside the connection has
    /// the seconds; a title clock with seconds would repaint every second for nothing.
    public func minuteClock(_ date: Date) -> String {
        Self.hoursAndMinutes(localDayAndSecond(date).1)
    }

    /// "HH:mm" for a second of the day.
    static func hoursAndMinutes(_ second: Int) -> String { "\(pad(second / 3600)):\(pad(second / 60 % 60))" }

    /// The clock time and the age: "12:03:55 (4m ago)".
    public func stamp(_ date: Date, now: Date) -> String {
        "\(clock(date, now: now)) (\(Self.relative(date, now: now)))"
    }

    /// "4m ago", or "in 5s" for a time ahead of the local clock (skew between hosts).
    ///
    /// Measured between the whole seconds the clocks show, so two times that read the same
    /// second always have the same age, and the age is what the two clock readings say.
    public static func relative(_ date: Date, now: Date) -> String {
        let delta = now.timeIntervalSince1970.rounded(.down) - date.timeIntervalSince1970.rounded(.down)
        if delta <= -1 { return "in \(Age.format(-delta))" }
        return "\(Age.format(max(0, delta))) ago"
    }

    /// Days since 1970-01-01 and the second of that day, in local time.
    func localDayAndSecond(_ date: Date) -> (Int, Int) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return (day, seconds - day * 86_400)
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// (year, month 1-12, day 1-31) for days since 1970-01-01: the model's RFC 3339 arithmetic.
    static func civil(fromDays days: Int) -> (Int, Int, Int) { RFC3339.civilFromDays(days) }
}
