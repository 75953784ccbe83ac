import EnvtopCore
import EnvtopModels
import Foundation

/// The one place that turns `AppState` into the inputs of the dashboard's widgets.
///
/// Each builder reads the state and returns a widget holding plain values; the widgets never see
/// the state.
extension DashboardView {
    /// The area of the work list: its title row and its body.
    static func listArea(_ layout: DashboardLayout) -> Rect {
        Rect(
            x: layout.listHeader.x, y: layout.listHeader.y, width: layout.listHeader.width,
            height: layout.listHeader.height + layout.listBody.height)
    }

    /// The work list: the rows on screen from `listScroll` down, with their change marks.
    public static func workTable(_ state: AppState, layout: DashboardLayout) -> WorkTable {
        let body = layout.listBody
        let columns = WorkColumns.plan(width: body.width)
        let message = emptyMessage(state)
        var rows: [WorkRow] = []
        var selectedRow: Int?
        if message == nil {
            let refs = state.visible
            let first = min(max(0, state.listScroll), max(0, refs.count - 1))
            for row in 0..<max(0, body.height) {
                let index = first + row
                guard index < refs.count, let item = state.item(refs[index]) else { break }
                var workRow = WorkRow(item: item, attention: state.attentionNow(refs[index]), now: state.now, columns: columns)
                workRow.mark = state.mark(refs[index])
                if selectedRow == nil, refs[index] == state.selected { selectedRow = row }
                rows.append(workRow)
            }
        }
        return WorkTable(
            columns: columns, rows: rows, selectedRow: selectedRow, hasFocus: state.focus == .list,
            isStale: state.connection.isStale, position: positionText(state), emptyMessage: message)
    }

    /// "3/340", "[active] 3/12", "STALE 3/340", "↑ 4 new 7/344", or nothing before the first page.
    static func positionText(_ state: AppState) -> String {
        guard !state.visible.isEmpty else { return "" }
        var text = "\((state.selectedIndex ?? 0) + 1)/\(state.visible.count)"
        if state.newAbove > 0, state.listScroll > 0 { text = "↑ \(state.newAbove) new " + text }
        if state.filter != .all { text = "[\(state.filter.label)] " + text }
        return state.connection.isStale ? "STALE " + text : text
    }

    /// What the list says instead of rows: loading, nothing loaded because of an error, empty.
    static func emptyMessage(_ state: AppState) -> WorkTable.Message? {
        guard state.visible.isEmpty else { return nil }
        if !state.hasLoadedAnything {
            if let error = state.connection.lastError {
                return WorkTable.Message("No work items loaded: \(ErrorWording.plain(error)).", role: .error)
            }
            return WorkTable.Message("Loading work items…", role: .dim)
        }
        if state.totalItems == 0 { return WorkTable.Message("No work items in this environment.", role: .dim) }
        var why: [String] = []
        if state.filter != .all { why.append("filter \"\(state.filter.label)\"") }
        if !state.search.query.isEmpty { why.append("search \"\(state.search.query)\"") }
        let reason = why.isEmpty ? "" : " for " + why.joined(separator: " and ")
        return WorkTable.Message(
            "No items match\(reason) (\(state.totalItems) in total). Esc clears the search and filter.", role: .dim)
    }
}

// MARK: - Status line

extension DashboardView {
    /// The status line: the search being typed (with its match count) or the latest flash
    /// message on the left; the filter, sort order and item count on the right.
    static func statusBar(_ state: AppState) -> StatusBar {
        StatusBar(left: statusLeftSpans(state), right: statusRightSpans(state))
    }

    static func statusLeftSpans(_ state: AppState) -> [Span] {
        let matches = state.visible.count
        let matchText = "\(matches) \(matches == 1 ? "match" : "matches")"
        if state.search.isEditing {
            return [Span("/", .search, .bold), Span(state.search.query, .search), Span("█", .search),
                    Span("  " + (state.search.query.isEmpty ? "type to search id, session, state, metadata" : matchText), .dim)]
        }
        if let flash = state.flash, flash.expiresAt > state.now {
            return [Span(flash.text, flashRole(flash.kind))]
        }
        if !state.search.query.isEmpty {
            return [Span("search ", .dim), Span("/" + state.search.query, .search), Span("  \(matchText) · Esc clears", .dim)]
        }
        if state.isLoadingPages {
            return [Span("loading pages… \(state.totalItems) items so far", .dim)]
        }
        return changeSpans(state.changeTotals)
    }

    /// "+3 new · 5 changed · 2 gone": what the last refresh changed, for as long as its rows are marked.
    static func changeSpans(_ changes: (new: Int, changed: Int, gone: Int)) -> [Span] {
        var parts: [String] = []
        if changes.new > 0 { parts.append("+\(changes.new) new") }
        if changes.changed > 0 { parts.append("\(changes.changed) changed") }
        if changes.gone > 0 { parts.append("\(changes.gone) gone") }
        return parts.isEmpty ? [] : [Span(parts.joined(separator: " · "), .dim)]
    }

    static func statusRightSpans(_ state: AppState) -> [Span] {
        var spans: [Span] = []
        if state.filter != .all {
            spans += [Span("filter ", .dim), Span(state.filter.label, .search), Span(" · ", .dim)]
        }
        spans += [Span("sort ", .dim), Span(state.sort.rawValue, .normal), Span(" · ", .dim)]
        let total = state.totalItems
        if state.filter != .all || !state.search.query.isEmpty {
            spans.append(Span("\(state.visible.count) of \(total)", .normal))
        } else {
            spans.append(Span("\(total) \(total == 1 ? "item" : "items")", .normal))
        }
        return spans
    }

    static func flashRole(_ kind: Flash.Kind) -> ThemeRole {
        switch kind {
        case .info: .normal
        case .success: .ok
        case .warning: .warning
        case .error: .error
        }
    }
}

// MARK: - Key bar

extension DashboardView {
    /// The key bar for the state's key scope and mode.
    public static func keyBar(_ state: AppState) -> KeyBar {
        let readOnly = state.options.readOnly
        return KeyBar(bindings: KeyMap.keyBar(for: state.keyScope, readOnly: readOnly), readOnly: readOnly)
    }
}

// MARK: - Header

extension DashboardView {
    /// The header: the title row's parts and the variants of the connection, queue and count rows.
    static func headerModel(_ state: AppState, time: TimeFormatting) -> HeaderModel {
        HeaderModel(
            environment: state.options.environmentName.map { "\($0) (\(state.options.environmentID))" }
                ?? state.options.environmentID,
            paused: state.paused,
            readOnly: state.options.readOnly,
            clock: time.minuteClock(state.now),
            connection: connectionVariants(state, time: time),
            queue: queueVariants(state),
            counts: countVariants(state))
    }

    // MARK: - Connection

    static func connectionVariants(_ state: AppState, time: TimeFormatting) -> [[Span]] {
        let c = state.connection
        let now = state.now
        if let since = c.staleSince {
            let label = c.lastSuccessAt == nil ? "NO DATA" : "STALE"
            let head = Span("\(label) since \(time.clock(since, now: now)) (\(Age.format(now.timeIntervalSince(since))))", .error, .reverse)
            let error = c.lastError.map(ErrorWording.plain) ?? "the last refresh failed"
            let retry = retryText(state)
            return [
                [head, Span(": \(error), \(retry)", .warning)],
                [head, Span(", \(retry): \(error)", .warning)],
            ]
        }
        var refreshed: [Span] = []
        if let last = c.lastSuccessAt {
            refreshed = [Span("refreshed ", .headerLabel), Span(refreshedText(last, state: state, time: time), .headerValue)]
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
        let every = [Span("  every ", .headerLabel), Span(formatInterval(state.options.refreshInterval), .headerValue)]
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

    /// "retrying in 8s", "retrying now…", or why it is not retrying.
    static func retryText(_ state: AppState) -> String {
        if state.paused { return "paused: not retrying (p resumes)" }
        if state.inFlight > 0 { return "retrying now…" }
        let wait = Int(state.nextRefreshAt.timeIntervalSince(state.now).rounded(.up))
        return wait <= 0 ? "retrying now…" : "retrying in \(wait)s"
    }

    /// "<10ms", "40ms", "120ms", "1.2s": to 10 ms, which is as fine as a round trip over a
    /// network is steady; finer digits would only flicker.
    public static func formatSeconds(_ seconds: Double) -> String {
        if seconds < 0.01 { return "<10ms" }
        let tens = Int((seconds * 100).rounded())
        if tens < 100 { return "\(tens * 10)ms" }
        return String(format: "%.1fs", seconds)
    }

    /// "2s", "0.5s".
    static func formatInterval(_ seconds: Double) -> String {
        seconds.rounded() == seconds ? "\(Int(seconds))s" : String(format: "%.1fs", seconds)
    }

    // MARK: - Queue

    static func queueVariants(_ state: AppState) -> [[Span]] {
        guard let stats = state.stats else { return [[Span("queue stats: not loaded yet", .dim)]] }
        let value: ThemeRole = state.connection.isStale ? .stale : .headerValue
        let polling = stats.workersPolling.map(String.init) ?? "?"
        let oldest = stats.oldestQueuedAt.map { Age.format(state.now.timeIntervalSince($0)) } ?? "-"
        func stat(_ label: String, _ v: String, gap: String) -> [Span] {
            [Span(label + " ", .headerLabel), Span(v, value), Span(gap)]
        }
        func alarms(compact: Bool, gap: String) -> [Span] {
            var spans: [Span] = []
            if stats.depth > 0 && stats.workersPolling == 0 {
                spans += [Span("! no worker polling", .headerAlert), Span(gap)]
            }
            if stats.pending > 0 {
                let text = compact ? "! \(stats.pending) unacknowledged" : "! \(stats.pending) polled, not acknowledged"
                spans += [Span(text, .headerAlert), Span(gap)]
            }
            return spans
        }
        let long = stat("depth", "\(stats.depth)", gap: "   ") + stat("pending", "\(stats.pending)", gap: "   ")
            + stat("workers polling", polling, gap: "   ") + stat("oldest queued", oldest, gap: "   ")
        let short = stat("depth", "\(stats.depth)", gap: "  ") + stat("pending", "\(stats.pending)", gap: "  ")
            + stat("polling", polling, gap: "  ") + stat("oldest", oldest, gap: "  ")
        let tight = stat("depth", "\(stats.depth)", gap: " ") + stat("pending", "\(stats.pending)", gap: " ")
            + stat("polling", polling, gap: " ") + stat("oldest", oldest, gap: " ")
        return [
            trim(long + alarms(compact: false, gap: "   ")),
            trim(short + alarms(compact: false, gap: "  ")),
            trim(tight + alarms(compact: true, gap: " ")),
        ]
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
