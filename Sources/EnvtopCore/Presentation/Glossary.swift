/// What the header's queue terms mean, what each is for and what to do when it looks wrong,
/// from the platform's operations documentation (docs/API.md, "Stats"). The `?` overlay and the
/// README (`envtop keys --glossary`) print the same entries.
public enum Glossary {
    public struct Entry: Sendable, Equatable {
        public var term: String
        public var meaning: String
        /// What to do when it looks wrong.
        public var action: String
    }

    public static let entries: [Entry] = [
        Entry(
            term: "queued",
            meaning: "items waiting for a worker: depth + pending, as the stats say",
            action: "a queued session waits, it does not fail; see depth and pending for why it waits"),
        Entry(
            term: "depth",
            meaning: "items no worker has polled yet (the stream's lag)",
            action: "rising: scale the worker fleet, or alert on backlog"),
        Entry(
            term: "pending",
            meaning: "items a worker polled and has not acknowledged",
            action: "non-zero now and then is normal (between poll and ack); sustained non-zero is a stalled claim"),
        Entry(
            term: "workers polling",
            meaning: "workers that polled in the last 30s (only polls that send a worker id count)",
            action: "0 while work waits: start workers, or check ANTHROPIC_ENVIRONMENT_KEY and ANTHROPIC_ENVIRONMENT_ID on the worker host"),
        Entry(
            term: "oldest queued",
            meaning: "how long the oldest waiting item has waited (absent when nothing waits)",
            action: "older than the backlog threshold: workers take work slower than it arrives"),
        Entry(
            term: "arrivals / completions",
            meaning: "items first seen, and items seen reaching stopped, per minute over the last minute",
            action: "arrivals above completions for minutes: the queue is growing"),
        Entry(
            term: "↑ +N/min",
            meaning: "how fast queued changed over the last minute",
            action: "a steady rise is the backlog-growing rule in the making"),
    ]

    /// The runbook rules with their thresholds, one line each: name, when it fires, the fix.
    public static func rules(_ t: RunbookThresholds) -> [(rule: QueueRule, when: String, fix: String)] {
        QueueRule.allCases.map { rule in
            let when: String
            switch rule {
            case .noWorkers: when = "workers polling is 0 while depth > 0"
            case .stalledClaim: when = "pending > 0 for over \(Age.exact(t.stalledClaimSeconds))"
            case .backlogAge: when = "the oldest queued item waited over \(Age.exact(t.backlogAgeSeconds))"
            case .backlogGrowing: when = "depth rose for \(Age.exact(t.backlogGrowingSeconds)) without falling back"
            }
            return (rule, when, rule.fix)
        }
    }

    public static let beginMarker = "<!-- glossary:begin -->"
    public static let endMarker = "<!-- glossary:end -->"

    /// The README section: the markers around `markdown()`.
    public static func section() -> String { "\(beginMarker)\n\(markdown())\(endMarker)" }

    /// The text between the markers in `text`, if both are there.
    public static func extract(from text: String) -> String? {
        KeyTableMarkdown.extract(from: text, between: beginMarker, and: endMarker)
    }

    /// The glossary and the rules as Markdown, for the README.
    public static func markdown(_ t: RunbookThresholds = RunbookThresholds()) -> String {
        var out = "| term | what it means | when it looks wrong |\n| --- | --- | --- |\n"
        for e in entries { out += "| `\(e.term)` | \(e.meaning) | \(e.action) |\n" }
        out += "\n| rule | severity | fires when | what to do |\n| --- | --- | --- | --- |\n"
        for r in rules(t) {
            out += "| \(r.rule.title) | \(r.rule.severity == .critical ? "critical" : "warning") | \(r.when) | \(r.fix) |\n"
        }
        return out
    }
}
