/// Durations in the search line: `90s`, `10m`, `2h`, `1d`, `1h30m`, or a bare number of seconds.
public enum QueryDuration {
    /// Seconds in `text`, or nil when it is not a duration.
    public static func seconds(_ text: String) -> Double? {
        if let plain = Double(text), plain >= 0 { return plain }
        var total = 0.0
        var number = ""
        var sawUnit = false
        for c in text.lowercased() {
            if c.isNumber || c == "." {
                number.append(c)
                continue
            }
            guard let value = Double(number) else { return nil }
            switch c {
            case "s": total += value
            case "m": total += value * 60
            case "h": total += value * 3600
            case "d": total += value * 86400
            default: return nil
            }
            number = ""
            sawUnit = true
        }
        return sawUnit && number.isEmpty ? total : nil
    }
}
