/// Compact human ages that step: "0s", "5s" … "55s", "4m", "12m", "3h05m", "2d4h".
///
/// An age that ticks every second repaints its cells every second, and over a slow link that was
/// most of an idle refresh's bytes (BENCHMARKS.md, finding 1). So ages step, and each step is
/// fine enough for what the number decides: 5 s under a minute (a heartbeat against a lease of
/// tens of seconds), whole minutes under an hour, and so on. Ages always round down, as `kubectl`
/// and k9s do. The exact time is in the detail pane beside the age, to the second.
public enum Age {
    /// Seconds under a minute step by this much.
    public static let secondStep = 5

    public static func format(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.down))
        if s < 0 { return "0s" }
        if s < 60 { return "\(s / secondStep * secondStep)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3600)h\(pad(s / 60 % 60))m" }
        return "\(s / 86_400)d\(s / 3600 % 24)h"
    }

    /// Like `format` but at most three characters of precision for tight columns ("5s", "12m", "3h").
    public static func short(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.down))
        if s < 0 { return "0s" }
        if s < 60 { return "\(s / secondStep * secondStep)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3600)h" }
        return "\(s / 86_400)d"
    }

    /// A fixed duration such as a lease TTL, to the second: "20s", "1m30s", "2h". It does not
    /// tick, so it needs no steps, and a step would misstate a setting.
    public static func exact(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded()))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return s % 60 == 0 ? "\(s / 60)m" : "\(s / 60)m\(pad(s % 60))s" }
        return s % 3600 == 0 ? "\(s / 3600)h" : "\(s / 3600)h\(pad(s / 60 % 60))m"
    }

    private static func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
