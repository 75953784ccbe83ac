import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Parses the date form of `retry-after` the way Python's `email.utils.parsedate_tz` and
/// `mktime_tz` do, since that is what the SDK's retry timing uses.
///
/// Accepts the IMF-fixdate servers send (`Sun, 06 Nov 1994 08:49:37 GMT`), RFC 850
/// (`Sunday, 06-Nov-94 08:49:37 GMT`), asctime (`Sun Nov  6 08:49:37 1994`), numeric zones
/// (`+0130`) and the US zone names Python knows. A date with no zone, or `-0000`, is local time,
/// as in Python.
enum HTTPDate {
    private static let dayNames: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]
    private static let zoneOffsets: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "AST": -400, "ADT": -300, "EST": -500, "EDT": -400,
        "CST": -600, "CDT": -500, "MST": -700, "MDT": -600, "PST": -800, "PDT": -700,
    ]

    static func parse(_ text: String) -> Date? {
        var data = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !data.isEmpty else { return nil }
        if data[0].hasSuffix(",") || dayNames.contains(data[0].lowercased()) {
            data.removeFirst()
        } else if let comma = data[0].lastIndex(of: ",") {
            data[0] = String(data[0][data[0].index(after: comma)...])
        }
        if data.count == 3 {  // RFC 850: 06-Nov-94
            let parts = data[0].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 3 { data = parts + data[1...] }
        }
        if data.count == 4 {
            let last = data[3]
            let sign = last.firstIndex(of: "+") ?? last.firstIndex(of: "-")
            if let sign, sign > last.startIndex {
                data[3...] = [String(last[..<sign]), String(last[sign...])]
            } else {
                data.append("")
            }
        }
        guard data.count >= 5 else { return nil }
        var (dd, mm, yy, tm, tz) = (data[0], data[1].lowercased(), data[2], data[3], data[4])
        guard !dd.isEmpty, !mm.isEmpty, !yy.isEmpty else { return nil }
        if !monthNames.contains(mm) {
            (dd, mm) = (mm, dd.lowercased())
            guard monthNames.contains(mm) else { return nil }
        }
        var month = monthNames.firstIndex(of: mm)! + 1
        if month > 12 { month -= 12 }
        if dd.hasSuffix(",") { dd.removeLast() }
        if let colon = yy.firstIndex(of: ":"), colon > yy.startIndex { (yy, tm) = (tm, yy) }
        if yy.hasSuffix(",") {
            yy.removeLast()
            guard !yy.isEmpty else { return nil }
        }
        if let first = yy.first, !first.isNumber { (yy, tz) = (tz, yy) }
        if tm.hasSuffix(",") { tm.removeLast() }
        guard let clock = clockFields(tm), let year0 = Int(yy), let day = Int(dd) else { return nil }
        let year = year0 < 100 ? (year0 > 68 ? year0 + 1900 : year0 + 2000) : year0
        return date(year: year, month: month, day: day, clock: clock, zone: zoneOffsetSeconds(tz))
    }

    private static func clockFields(_ text: String) -> (Int, Int, Int)? {
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 && text.contains(".") {
            parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        }
        guard parts.count == 2 || parts.count == 3 else { return nil }
        guard let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        if parts.count == 2 { return (h, m, 0) }
        guard let s = Int(parts[2]) else { return nil }
        return (h, m, s)
    }

    /// Seconds east of UTC, or `nil` for "unknown, use local time" (no zone, or `-0000`).
    private static func zoneOffsetSeconds(_ raw: String) -> Int? {
        let tz = raw.uppercased()
        var offset: Int?
        if let known = zoneOffsets[tz] {
            offset = known
        } else {
            offset = Int(tz)
            if offset == 0 && tz.hasPrefix("-") { offset = nil }
        }
        guard let value = offset else { return nil }
        let sign = value < 0 ? -1 : 1
        let magnitude = abs(value)
        return sign * ((magnitude / 100) * 3600 + (magnitude % 100) * 60)
    }

    private static func date(year: Int, month: Int, day: Int, clock: (Int, Int, Int), zone: Int?) -> Date? {
        guard (1...9999).contains(year) else { return nil }
        let (hour, minute, second) = clock
        guard let zone else {
            var components = DateComponents()
            (components.year, components.month, components.day) = (year, month, day)
            (components.hour, components.minute, components.second) = (hour, minute, second)
            return Calendar(identifier: .gregorian).date(from: components)
        }
        let days = RFC3339.daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - zone
        return Date(timeIntervalSince1970: Double(seconds))
    }
}
