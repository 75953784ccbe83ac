import EnvtopCore
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The header's queue, trend and health rows for one environment, each roomy to compact.
///
/// The queue row adds up on screen: `queued 15 (depth 12 + pending 3)`, the trend of the last
/// minute beside it, the oldest wait only when something waits, and arrivals and completions per
/// minute from the list. The trend row draws the last two minutes as sparklines. The health row
/// names the runbook rules that fail, since when, and the first one's cause.
enum QueueLines {
    /// Cells per sparkline and seconds per cell: the last two minutes.
    static let cells = 12
    static let cellSeconds = 10.0

    static func queueVariants(_ feed: Feed, now: Date) -> [[Span]] {
        guard let stats = feed.stats else { return [[Span("queue stats: not loaded yet", .dim)]] }
        let value: ThemeRole = feed.connection.isStale ? .stale : .headerValue
        let queued = stats.depth + stats.pending
        let trend = feed.history.trendPerMinute(.queued).map(trendSpans) ?? []
        let polling = stats.workersPolling.map(String.init) ?? "?"
        let oldest = queued > 0 ? stats.oldestQueuedAt.map { Age.format(now.timeIntervalSince($0)) } : nil
        let rates = feed.history.ratesPerMinute()
        func rate(_ v: Double?) -> String { v.map { Self.perMinute($0) } ?? "…" }
        func long(_ gap: String) -> [Span] {
            var spans = [Span("queued ", .headerLabel), Span("\(queued)", value),
                         Span(" (depth ", .headerLabel), Span("\(stats.depth)", value),
                         Span(" + pending ", .headerLabel), Span("\(stats.pending)", value), Span(")", .headerLabel)]
            if !trend.isEmpty { spans += [Span(" ")] + trend }
            if let oldest { spans += [Span(gap), Span("oldest queued ", .headerLabel), Span(oldest, value)] }
            spans += [Span(gap), Span("workers polling ", .headerLabel), Span(polling, value)]
            spans += [Span(gap), Span("arrivals ", .headerLabel), Span(rate(rates?.arrivals) + "/min", value)]
            spans += [Span(gap), Span("completions ", .headerLabel), Span(rate(rates?.completions) + "/min", value)]
            return spans
        }
        func short(_ gap: String) -> [Span] {
            var spans = [Span("queued ", .headerLabel), Span("\(queued)", value),
                         Span(" (\(stats.depth)+\(stats.pending))", .headerLabel)]
            if !trend.isEmpty { spans += [Span(" ")] + trend }
            if let oldest { spans += [Span(gap), Span("oldest ", .headerLabel), Span(oldest, value)] }
            spans += [Span(gap), Span("polling ", .headerLabel), Span(polling, value)]
            spans += [Span(gap), Span("in ", .headerLabel), Span(rate(rates?.arrivals), value),
                      Span(" out ", .headerLabel), Span(rate(rates?.completions) + "/min", value)]
            return spans
        }
        return [long("   "), long("  "), short("  "), short(" ")]
    }

    /// "↑ +12/min", "↓ -4/min"; nothing for a queue that holds steady.
    static func trendSpans(_ perMinute: Double) -> [Span] {
        let rounded = Int(perMinute.rounded())
        if rounded == 0 { return [] }
        return rounded > 0 ? [Span("↑ +\(rounded)/min", .warning)] : [Span("↓ \(rounded)/min", .ok)]
    }

    /// "12", "0.5", "0": per-minute rates to one decimal below 10.
    static func perMinute(_ v: Double) -> String {
        if v >= 9.95 || v == 0 { return "\(Int(v.rounded()))" }
        return v.tenthsText
    }

    /// The last two minutes of depth, pending, workers polling and the oldest wait.
    static func trendVariants(_ feed: Feed, now: Date, glyphs: Sparkline.Glyphs) -> [[Span]] {
        guard !feed.history.isEmpty else { return [[Span("trends: waiting for the first refresh…", .dim)]] }
        func line(_ cells: Int, labels: [String], gap: String) -> [Span] {
            let series: [StatsHistory.Series] = [.depth, .pending, .workersPolling, .oldestQueuedAge]
            var spans = [Span(cells >= 12 ? "last 2m " : "last \(Int(Double(cells) * cellSeconds))s ", .headerLabel)]
            for (n, s) in series.enumerated() {
                let values = feed.history.buckets(s, count: cells, bucketSeconds: cellSeconds, now: now)
                spans += [Span(gap), Span(labels[n] + " ", .headerLabel), Span(Sparkline(values, glyphs: glyphs).text, .headerValue)]
            }
            return spans
        }
        let full = ["depth", "pending", "workers polling", "oldest queued"]
        let brief = ["depth", "pending", "polling", "oldest"]
        return [line(cells, labels: full, gap: "   "), line(cells, labels: brief, gap: "  "), line(8, labels: brief, gap: " "),
                line(5, labels: brief, gap: " ")]
    }

    /// "✓ runbook: no rule failing", or each failing rule since when (a clock time, which stays
    /// put on an idle screen where an age would repaint), the first with its cause.
    static func healthVariants(_ feed: Feed, now: Date, time: TimeFormatting) -> [[Span]] {
        guard !feed.history.isEmpty else { return [[Span("runbook: waiting for the first refresh…", .dim)]] }
        let firing = feed.rules.firing
        guard let first = firing.first else {
            return [[Span("✓ ", .ok), Span("runbook: no rule failing", .headerLabel)]]
        }
        func name(_ f: RuleTracker.Firing) -> Span {
            Span("! \(f.rule.title) since \(time.clock(f.since, now: now))",
                 f.rule.severity == .critical ? .headerAlert : .warning)
        }
        let names = firing.map(name)
        var joined: [Span] = []
        for (n, span) in names.enumerated() { joined += (n == 0 ? [] : [Span("  ")]) + [span] }
        let cause = Span(": " + first.rule.cause(feed.runbook), .headerLabel)
        return [
            [names[0], cause] + names.dropFirst().flatMap { [Span("  "), $0] },
            joined,
            firing.map { Span("!\($0.rule.title)", $0.rule.severity == .critical ? .headerAlert : .warning) },
        ]
    }
}
