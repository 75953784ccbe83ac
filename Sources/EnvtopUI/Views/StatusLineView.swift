import EnvtopCore
/// The status line: the search being typed (with its match count) or the latest flash message on
/// the left; the filter, sort order and item count on the right.
public enum StatusLineView {
    public static func draw(_ state: AppState, in rect: Rect, into screen: inout Screen) {
        guard !rect.isEmpty else { return }
        screen.fill(rect, style: .normal)
        let left = leftSpans(state)
        var right = rightSpans(state)
        // The search and messages matter more than the summary: drop the summary when both do not fit.
        if left.width + right.width + 4 > rect.width { right = [] }
        let rightWidth = right.width
        SpanWriter.write(left, x: rect.x + 1, y: rect.y, maxWidth: rect.width - 2 - (rightWidth > 0 ? rightWidth + 2 : 0), into: &screen)
        if rightWidth > 0 {
            SpanWriter.write(right, x: rect.maxX - 1 - rightWidth, y: rect.y, maxWidth: rightWidth, into: &screen)
        }
    }

    static func leftSpans(_ state: AppState) -> [Span] {
        let matches = state.visible.count
        let matchText = "\(matches) \(matches == 1 ? "match" : "matches")"
        if state.search.isEditing {
            return [Span("/", .search, .bold), Span(state.search.query, .search), Span("█", .search),
                    Span("  " + (state.search.query.isEmpty ? "type to search id, session, state, metadata" : matchText), .dim)]
        }
        if let flash = state.flash, flash.expiresAt > state.now {
            return [Span(flash.text, role(of: flash.kind))]
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

    static func rightSpans(_ state: AppState) -> [Span] {
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

    static func role(of kind: Flash.Kind) -> ThemeRole {
        switch kind {
        case .info: .normal
        case .success: .ok
        case .warning: .warning
        case .error: .error
        }
    }
}
