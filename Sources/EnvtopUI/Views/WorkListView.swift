import EnvtopCore
import EnvtopModels

/// The work list: a column-title row and one row per visible item.
///
/// Only the rows on screen are built, so painting costs the same for 50 items or 100,000.
public enum WorkListView {
    public static func draw(_ state: AppState, into screen: inout Screen) {
        let layout = state.layout
        let columns = WorkColumns.plan(width: layout.listBody.width)
        drawTitles(state, columns: columns, in: layout.listHeader, into: &screen)
        let body = layout.listBody
        screen.fill(body, style: CellStyle(.row))
        if let message = emptyMessage(state) {
            for (i, line) in TextWrap.lines(message.text, width: max(1, body.width - 4)).prefix(body.height).enumerated() {
                screen.write(line, x: body.x + 2, y: body.y + i, maxWidth: body.width - 2, style: CellStyle(message.role))
            }
            return
        }
        let refs = state.visible
        let first = min(max(0, state.listScroll), max(0, refs.count - 1))
        let selectionRole: ThemeRole = state.focus == .list ? .selection : .selectionInactive
        for row in 0..<body.height {
            let index = first + row
            guard index < refs.count, let item = state.item(refs[index]) else { break }
            var workRow = WorkRow(item: item, attention: state.attentionNow(refs[index]), now: state.now, columns: columns)
            workRow.mark = state.mark(refs[index])
            workRow.draw(
                into: &screen, x: body.x, y: body.y + row, columns: columns,
                selection: refs[index] == state.selected ? selectionRole : nil)
        }
    }

    /// The column titles; drawn in the `stale` role while the data is stale, with the position.
    static func drawTitles(
        _ state: AppState, columns: WorkColumns, in rect: Rect, into screen: inout Screen, showPosition: Bool = true
    ) {
        guard !rect.isEmpty else { return }
        let style = CellStyle(state.connection.isStale ? .stale : .columnHeader, state.connection.isStale ? [.reverse] : [])
        screen.fill(rect, style: style)
        for slot in columns.slots {
            if slot.alignRight {
                screen.writePadded(slot.title, x: rect.x + slot.x, y: rect.y, width: slot.width, style: style, alignRight: true)
            } else {
                screen.write(slot.title, x: rect.x + slot.x, y: rect.y, maxWidth: slot.width, style: style)
            }
        }
        // Where the selection is, at the right end, over the notes title when there is room.
        let position = showPosition ? positionText(state) : ""
        let w = SafeText.width(position)
        let noteTitleEnd = columns.slot(.note).map { $0.x + SafeText.width($0.title) + 1 } ?? rect.width
        if !position.isEmpty, rect.width - w - 1 >= noteTitleEnd {
            screen.write(position, x: rect.maxX - w - 1, y: rect.y, maxWidth: w, style: style)
        }
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
    static func emptyMessage(_ state: AppState) -> (text: String, role: ThemeRole)? {
        guard state.visible.isEmpty else { return nil }
        if !state.hasLoadedAnything {
            if let error = state.connection.lastError {
                return ("No work items loaded: \(ErrorWording.plain(error)).", .error)
            }
            return ("Loading work items…", .dim)
        }
        if state.totalItems == 0 { return ("No work items in this environment.", .dim) }
        var why: [String] = []
        if state.filter != .all { why.append("filter \"\(state.filter.label)\"") }
        if !state.search.query.isEmpty { why.append("search \"\(state.search.query)\"") }
        let reason = why.isEmpty ? "" : " for " + why.joined(separator: " and ")
        return ("No items match\(reason) (\(state.totalItems) in total). Esc clears the search and filter.", .dim)
    }
}
