/// Compact human ages: "4s", "4m12s", "12m", "3h05m", "2d4h".
///
/// Seconds show only while they matter (under ten minutes): an age that ticks every second
/// repaints its cells every second, and over a slow link that is most of an idle refresh's bytes
/// (BENCHMARKS.md, finding 1).
public enum Age {
    public static func format(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.down))
        if s < 0 { return "0s" }
        if s < 60 { return "\(s)s" }
        if s < 600 { return "\(s / 60)m\(pad(s % 60))s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3600)h\(pad(s / 60 % 60))m" }
        return "\(s / 86_400)d\(s / 3600 % 24)h"
    }

    /// Like `format` but at most three characters of precision for tight columns ("4s", "12m", "3h").
    public static func short(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.down))
        if s < 0 { return "0s" }
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3600)h" }
        return "\(s / 86_400)d"
    }

    private static func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
