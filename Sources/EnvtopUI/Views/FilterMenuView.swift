import EnvtopCore
import EnvtopModels

/// The `f` menu: every filter with how many items it would show.
public enum FilterMenuView {
    public static func draw(_ state: AppState, selected: Int, into screen: inout Screen) {
        let filters = StateFilter.allCases
        let counts = state.counts
        let width = min(screen.width - 4, 40)
        let rect = screen.bounds.centered(width: width, height: min(screen.height - 2, filters.count + 4))
        let inner = Box.draw(
            rect, into: &screen, style: .normal, borderStyle: CellStyle(.border),
            title: [Span("Filter", .title, .bold)])
        for (i, filter) in filters.enumerated() {
            let y = inner.y + 1 + i
            guard y < inner.maxY else { break }
            let isSelected = i == selected
            let style = CellStyle(isSelected ? .selection : .normal)
            screen.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style)
            if isSelected { screen.write(StateBadge.selectionMarker, x: inner.x, y: y, maxWidth: 1, style: CellStyle(.selection, .bold)) }
            var label = filter.label
            if filter == state.filter { label += " (current)" }
            let count: Int
            switch filter {
            case .all: count = state.totalItems
            case .needsAttention: count = state.attentionCount
            case .state(let s): count = counts[s]
            }
            let countText = "\(count)"
            screen.write(label, x: inner.x + 2, y: y, maxWidth: inner.width - 4 - SafeText.width(countText), style: style)
            screen.writePadded(countText, x: inner.maxX - 1 - SafeText.width(countText), y: y, width: SafeText.width(countText), style: style, alignRight: true)
        }
        let footer = " Enter applies · Esc closes "
        if rect.width > SafeText.width(footer) + 4 {
            screen.write(footer, x: rect.x + 2, y: rect.maxY - 1, maxWidth: rect.width - 4, style: CellStyle(.border))
        }
    }
}
