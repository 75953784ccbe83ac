import EnvtopCore
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The merged view's header lines: one per environment, so a glance says which one is in trouble.
///
/// Each line: the health of its connection, its tag in the profile's colour, then queued, active
/// and stuck (needing attention) counts, its total and the runbook rules failing there. The tags are padded to one width so the
/// numbers line up. When there are more environments than lines, the last says how many more.
enum EnvironmentLines {
    static func rows(_ state: AppState, environments: [String], room: Int, time: TimeFormatting) -> [[[Span]]] {
        let tagWidth = min(24, environments.map { SafeText.width(state.tag($0)) }.max() ?? 0)
        var rows: [[[Span]]] = []
        for (n, id) in environments.enumerated() {
            let left = environments.count - n
            if rows.count == room - 1, left > 1 {
                rows.append([[Span("+\(left) more environments: e switches to one, or shows them all in a list", .dim)],
                             [Span("+\(left) more: e", .dim)]])
                break
            }
            rows.append(line(state, id, tagWidth: tagWidth, time: time))
        }
        return rows
    }

    /// One environment's line, roomy to compact.
    static func line(_ state: AppState, _ id: String, tagWidth: Int, time: TimeFormatting) -> [[Span]] {
        guard let feed = state.environmentFeed(id), let env = state.watched(id) else { return [] }
        let tag = Span(pad(state.tag(id), tagWidth), ThemeRole.environment(env.color), .bold)
        let health = healthSpans(feed, now: state.now, time: time)
        let stale = feed.connection.isStale
        let value: ThemeRole = stale ? .stale : .headerValue
        let counts = feed.store.counts
        let stuck = feed.attention.count
        let stuckSpans = stuck > 0 ? [Span("! \(stuck) stuck", .headerAlert)] : [Span("0 stuck", .ok)]
        let loaded = feed.store.revision > 0
        func numbers(_ gap: String, labels: Bool) -> [Span] {
            guard loaded else { return [Span("waiting for the first page…", .dim)] }
            if !labels {
                return [Span("q", .headerLabel), Span("\(counts[.queued])", value), Span(gap), Span("a", .headerLabel),
                        Span("\(counts[.active])", value), Span(gap)] + (stuck > 0 ? [Span("!\(stuck)", .headerAlert)] : [Span("!0", .ok)])
            }
            return [Span("queued ", .headerLabel), Span("\(counts[.queued])", value), Span(gap),
                    Span("active ", .headerLabel), Span("\(counts[.active])", value), Span(gap)] + stuckSpans
        }
        let total = loaded ? [Span("   "), Span("\(feed.store.count)", value), Span(" total", .headerLabel)] : []
        // The runbook rules failing in this environment, most severe first.
        let firing = feed.rules.firing
        let rules = firing.flatMap { [Span("  "), Span("! \($0.rule.title)", $0.rule.severity == .critical ? .headerAlert : .warning)] }
        let ruleCount = firing.isEmpty ? [] : [Span(" "), Span("!\(firing.count) rule\(firing.count == 1 ? "" : "s")", .headerAlert)]
        return [
            [tag, Span("  ")] + health.long + [Span("  ")] + numbers("   ", labels: true) + total + rules,
            [tag, Span("  ")] + health.long + [Span("  ")] + numbers("  ", labels: true) + rules,
            [tag, Span(" ")] + health.short + [Span(" ")] + numbers("  ", labels: true) + rules,
            [tag, Span(" ")] + health.short + [Span(" ")] + numbers(" ", labels: false) + ruleCount,
            [tag, Span(" ")] + health.short + [Span(" ")] + numbers(" ", labels: false),
        ]
    }

    /// "● live" / "STALE 2m" / "NO DATA" / "connecting…", long and short.
    static func healthSpans(_ feed: Feed, now: Date, time: TimeFormatting) -> (long: [Span], short: [Span]) {
        let c = feed.connection
        if let since = c.staleSince {
            let label = c.lastSuccessAt == nil ? "NO DATA" : "STALE"
            let age = Age.format(now.timeIntervalSince(since))
            let why = c.lastError.map(ErrorWording.plain) ?? "refresh failing"
            return ([Span("\(label) \(age)", .error, .reverse), Span(" " + String(why.prefix(28)), .warning)],
                    [Span("\(label) \(age)", .error, .reverse)])
        }
        guard let last = c.lastSuccessAt else {
            return ([Span("○ connecting…", .dim)], [Span("○ …", .dim)])
        }
        let long = [Span("● ", .ok), Span("live ", .headerLabel), Span(time.clock(last, now: now), .headerValue)]
        return (long, [Span("● live", .ok)])
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let w = SafeText.width(text)
        if w >= width { return text }
        return text + String(repeating: " ", count: width - w)
    }
}
