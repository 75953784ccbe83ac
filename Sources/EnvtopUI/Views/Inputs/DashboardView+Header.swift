import EnvtopCore
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

// MARK: - Header

extension DashboardView {
    /// The header: the title row's parts, then one environment's connection, queue and count
    /// rows, or in the merged view a line per environment and the counts across them.
    static func headerModel(
        _ state: AppState, time: TimeFormatting, rows: Int = DashboardLayout.headerHeight - 1, snapshot: Bool = false
    ) -> HeaderModel {
        var model = HeaderModel(
            environment: "", label: nil, production: false, productionLabels: [], paused: state.paused,
            readOnly: state.options.readOnly, clock: time.minuteClock(state.now), rows: [])
        if state.isMerged {
            let shown = state.scopedFeeds.map { state.feeds[$0].environmentID }
            model.environment = state.scopeTitle + " (e switches)"
            // Each production profile once, by its label (or the environment's name without one).
            for id in shown {
                guard let env = state.watched(id), env.production else { continue }
                let name = env.label.isEmpty ? env.displayName : env.label
                if !model.productionLabels.contains(name) { model.productionLabels.append(name) }
            }
            model.rows = EnvironmentLines.rows(state, environments: shown, room: max(1, rows - 1), time: time)
                + [countVariants(state)]
            return model
        }
        let feed = state.feed
        let env = state.watched(feed.environmentID) ?? WatchedEnvironment(id: feed.environmentID)
        model.environment = env.name.map { "\($0) (\(env.id))" } ?? env.id
        if !env.label.isEmpty {
            model.label = Span(env.label, ThemeRole.environment(env.color), .bold)
        }
        model.production = env.production
        // Title, connection, queue, trends (when there is room), runbook health, counts.
        let glyphs: Sparkline.Glyphs = state.options.asciiCharts ? .ascii : .blocks
        model.rows = [connectionVariants(state, time: time, snapshot: snapshot), QueueLines.queueVariants(feed, now: state.now)]
            + (rows >= 5 ? [QueueLines.trendVariants(feed, now: state.now, glyphs: glyphs)] : [])
            + [QueueLines.healthVariants(feed, now: state.now, time: time), countVariants(state)]
        return model
    }

    // MARK: - Connection

    /// `snapshot`: for `--once`, without the live-only words (the interval, "just now", retrying).
    static func connectionVariants(_ state: AppState, time: TimeFormatting, snapshot: Bool = false) -> [[Span]] {
        let c = state.connection
        let now = state.now
        if let since = c.staleSince {
            let label = c.lastSuccessAt == nil ? "NO DATA" : "STALE"
            let head = Span("\(label) since \(time.clock(since, now: now)) (\(Age.format(now.timeIntervalSince(since))))", .error, .reverse)
            let error = c.lastError.map(ErrorWording.plain) ?? "the last refresh failed"
            let retry = retryText(state, connection: c, time: time)
            if snapshot { return [[head, Span(": \(error)", .warning)]] }
            return [
                [head, Span(": \(error), \(retry)", .warning)],
                [head, Span(", \(retry): \(error)", .warning)],
            ]
        }
        var refreshed: [Span] = []
        if let last = c.lastSuccessAt {
            let text = snapshot ? time.clock(last, now: state.now) : refreshedText(last, state: state, time: time)
            refreshed = [Span("refreshed ", .headerLabel), Span(text, .headerValue)]
        }
        if let error = c.lastError {
            let failed = Span("last call failed: \(ErrorWording.plain(error))", .warning)
            return [refreshed + [Span("  ")] + [failed], [failed]]
        }
        guard let last = c.lastSuccessAt else {
            return [[Span("connecting: waiting for the first answer from the API…", .dim)]]
        }
        if state.paused {
            let paused = Span("PAUSED", .paused, .bold)
            let age = TimeFormatting.relative(last, now: now)
            return [
                [paused, Span(" showing data from ", .headerLabel), Span("\(time.clock(last, now: now)) (\(age))", .headerValue),
                 Span(", not refreshing; p resumes, r refreshes once", .headerLabel)],
                [paused, Span(" data from ", .headerLabel), Span(age, .headerValue), Span("; p resumes", .headerLabel)],
            ]
        }
        let ok = Span("● ", .ok)
        var latency: [Span] = []
        if let seconds = c.latencySeconds {
            latency = [Span("  latency ", .headerLabel), Span(formatSeconds(seconds), .headerValue)]
        }
        let every = snapshot ? [] : [Span("  every ", .headerLabel), Span(formatInterval(state.options.refreshInterval), .headerValue)]
        let errors = [Span("  errors ", .headerLabel), Span("\(c.errorCount)", c.errorCount > 0 ? .warning : .headerValue)]
        return [
            [ok] + refreshed + latency + every + errors,
            [ok] + refreshed + latency + every,
            [ok] + refreshed + latency,
            [ok] + refreshed,
        ]
    }

    /// "12:03:55 (just now)" while refreshes arrive on time, "12:03:55 (15s ago)" once the last
    /// one is more than two intervals old. An age that reads "0s ago", "1s ago" on alternate
    /// refreshes tells nothing and repaints every second; one that appears when the data is late
    /// tells the operator at once.
    static func refreshedText(_ last: Date, state: AppState, time: TimeFormatting) -> String {
        let late = state.now.timeIntervalSince(last) > 2 * state.options.refreshInterval + 1
        return late ? time.stamp(last, now: state.now) : "\(time.clock(last, now: state.now)) (just now)"
    }

    /// "retrying in 8s", "retrying now…", "rate limited by the API until 12:04:55 (r tries now)",
    /// or why it is not retrying.
    static func retryText(_ state: AppState, connection: ConnectionStatus, time: TimeFormatting) -> String {
        if state.paused { return "paused: not retrying (p resumes)" }
        if state.inFlight > 0 { return "retrying now…" }
        if let until = connection.rateLimitedUntil, until > state.now {
            let key = state.options.keys.key(.refresh, .global)
            return "rate limited by the API until \(time.clock(until, now: state.now)) (\(key) tries now)"
        }
        let wait = Int(state.nextRefreshAt.timeIntervalSince(state.now).rounded(.up))
        return wait <= 0 ? "retrying now…" : "retrying in \(wait)s"
    }

    /// "<10ms", "40ms", "120ms", "1.2s": to 10 ms, which is as fine as a round trip over a
    /// network is steady; finer digits would only flicker.
    public static func formatSeconds(_ seconds: Double) -> String {
        if seconds < 0.01 { return "<10ms" }
        let tens = Int((seconds * 100).rounded())
        if tens < 100 { return "\(tens * 10)ms" }
        return seconds.tenthsText + "s"
    }

    /// "2s", "0.5s".
    static func formatInterval(_ seconds: Double) -> String {
        seconds.rounded() == seconds ? "\(Int(seconds))s" : seconds.tenthsText + "s"
    }

    // MARK: - Counts

    static func countVariants(_ state: AppState) -> [[Span]] {
        guard state.hasLoadedAnything else { return [[Span("counts: waiting for the first page…", .dim)]] }
        let counts = state.counts
        let value: ThemeRole = state.connection.isStale ? .stale : .headerValue
        let flagged = state.attentionCount
        let attention = flagged > 0
            ? Span("! \(flagged) need attention", .headerAlert)
            : Span("0 need attention", .ok)
        let others = counts.other
        func line(symbols: Bool, gap: String, total: Bool = true) -> [Span] {
            var spans = [attention, Span(gap)]
            for s in WorkState.known {
                let badge = StateBadge.of(s)
                if symbols { spans.append(Span(badge.symbol + " ", badge.role)) }
                spans += [Span("\(counts[s])", value), Span(" " + badge.word, .headerLabel), Span(gap)]
            }
            if others > 0 {
                if symbols { spans.append(Span("? ", .stateUnknown)) }
                spans += [Span("\(others)", value), Span(" other", .headerLabel), Span(gap)]
            }
            if total { spans += [Span("\(state.totalItems)", value), Span(" total", .headerLabel)] }
            return trim(spans)
        }
        return [
            line(symbols: true, gap: "   "), line(symbols: true, gap: "  "), line(symbols: true, gap: "  ", total: false),
            line(symbols: false, gap: "  ", total: false), line(symbols: false, gap: " ", total: false),
        ]
    }

    /// Drops a trailing gap.
    static func trim(_ spans: [Span]) -> [Span] {
        var result = spans
        while let last = result.last, last.text.allSatisfy({ $0 == " " }) { result.removeLast() }
        return result
    }
}
