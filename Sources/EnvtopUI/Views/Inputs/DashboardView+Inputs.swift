import EnvtopCore
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The one place that turns `AppState` into the inputs of the dashboard's widgets: the list,
/// the status line and the key bar here; the header and the overlays beside it in this folder.
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
        let columns = planColumns(state, width: body.width)
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
                workRow.marked = !state.marks.isEmpty && state.marks.contains(refs[index])
                if columns.slot(.environment) != nil { tagRow(&workRow, state, refs[index].environmentID) }
                if selectedRow == nil, refs[index] == state.selected { selectedRow = row }
                rows.append(workRow)
            }
        }
        return WorkTable(
            columns: columns, rows: rows, selectedRow: selectedRow, hasFocus: state.focus == .list,
            isStale: state.anyStale, position: positionText(state), emptyMessage: message)
    }

    /// The columns of the list: with an ENV column, as wide as the longest tag, in the merged view.
    static func planColumns(_ state: AppState, width: Int) -> WorkColumns {
        guard state.isMerged else { return WorkColumns.plan(width: width, absoluteTimes: state.absoluteTimes) }
        let widest = state.scopedFeeds.map { SafeText.width(state.tag(state.feeds[$0].environmentID)) }.max() ?? 0
        return WorkColumns.plan(width: width, environmentWidth: widest, absoluteTimes: state.absoluteTimes)
    }

    /// Puts the environment's tag, in its profile's colour, in a row's ENV column.
    static func tagRow(_ row: inout WorkRow, _ state: AppState, _ environmentID: String) {
        row.environment = state.tag(environmentID)
        row.environmentRole = ThemeRole.environment(state.watched(environmentID)?.color)
        if row.environmentRole == .headerValue { row.environmentRole = .row }
    }

    /// "3/340", "[active] 3/12", "STALE 3/340", "↑ 4 new 7/344", or nothing before the first page.
    static func positionText(_ state: AppState) -> String {
        guard !state.visible.isEmpty else { return "" }
        var text = "\((state.selectedIndex ?? 0) + 1)/\(state.visible.count)"
        if state.newAbove > 0, state.listScroll > 0 { text = "↑ \(state.newAbove) new " + text }
        if state.filter != .all { text = "[\(state.filter.label)] " + text }
        return state.anyStale ? "STALE " + text : text
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
        if state.totalItems == 0 {
            return WorkTable.Message(state.isMerged ? "No work items in these environments." : "No work items in this environment.", role: .dim)
        }
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

    /// The search text with the character where reading failed marked, and what is wrong; the
    /// list below still shows the last query that read.
    static func searchErrorSpans(_ query: String, _ error: QuerySyntaxError) -> [Span] {
        let characters = Array(query)
        let at = min(error.position, characters.count)
        let marked = at < characters.count ? String(characters[at]) : " "
        return [
            Span("/", .search, .bold), Span(String(characters[..<at]), .search), Span(marked, .error, .reverse),
            Span(at + 1 < characters.count ? String(characters[(at + 1)...]) : "", .search), Span("█", .search),
            Span("  ✗ col \(at + 1): \(error.message) (list unchanged)", .error),
        ]
    }

    static func statusLeftSpans(_ state: AppState) -> [Span] {
        let matches = state.visible.count
        let matchText = "\(matches) \(matches == 1 ? "match" : "matches")"
        if state.search.isEditing {
            if let error = state.search.error { return searchErrorSpans(state.search.query, error) }
            // A notice about the field itself (a paste cut to the field's length) goes first: a
            // long query would push it off the line.
            if let flash = state.flash, flash.expiresAt > state.now {
                return [Span(NoticeWording(keys: state.options.keys).text(flash.notice), flashRole(flash.kind)),
                        Span("  /", .search, .bold), Span(state.search.query, .search), Span("█", .search)]
            }
            return [Span("/", .search, .bold), Span(state.search.query, .search), Span("█", .search),
                    Span("  " + (state.search.query.isEmpty ? "words, or state: env: hb>60s age>10m instate> meta.KEY: session: attention:any; - negates" : matchText), .dim)]
        }
        if let flash = state.flash, flash.expiresAt > state.now {
            return [Span(NoticeWording(keys: state.options.keys).text(flash.notice), flashRole(flash.kind))]
        }
        if !state.search.query.isEmpty {
            return [Span("search ", .dim), Span("/" + state.search.query, .search), Span("  \(matchText) · Esc clears", .dim)]
        }
        if state.isLoadingPages {
            return [Span("loading pages… \(state.totalItems) items so far", .dim)]
        }
        return changeSpans(state.changeTotals)
    }

    /// "force-stopping 7/13 · 1 failed" while a batch runs; "3 marked" while items are marked.
    static func batchSpans(_ state: AppState) -> [Span] {
        if let run = state.batch {
            var text = "\(run.mode == .force ? "force-stopping" : "stopping") \(run.sent)/\(run.targets.count)"
            if !run.failed.isEmpty { text += " · \(run.failed.count) failed" }
            if run.cancelled { text += " · cancelled" }
            return [Span(text, .warning, .bold), Span(" · ", .dim)]
        }
        guard !state.marks.isEmpty else { return [] }
        return [Span("\(state.marks.count) marked", .marked, .bold), Span(" · ", .dim)]
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
        var spans: [Span] = batchSpans(state)
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
        // A graceful stop only reaches a live worker: say so where the key is offered.
        var overrides: [Action: KeyBar.Override] = [:]
        if let ref = state.selected, let item = state.item(ref), item.state != .stopped,
           WorkerPresence.of(item, now: state.now, thresholds: state.options.thresholds).reason != nil
        {
            // Point at the force stop only where the profile allows it.
            let force = state.options.keys.key(.forceStop, .global)
            overrides[.stop] = state.permits(.forceStop, in: ref.environmentID)
                ? KeyBar.Override(full: "stop: no live worker, \(force) forces", short: "no worker: \(force)")
                : KeyBar.Override(full: "stop: no live worker", short: "no worker")
        }
        // The same decision the reducer makes (`AppState.permits`): what no environment in view
        // allows is not offered.
        return KeyBar(
            bindings: state.options.keys.keyBar(for: state.keyScope, readOnly: readOnly), readOnly: readOnly, overrides: overrides,
            forbidden: state.forbiddenActions)
    }
}

