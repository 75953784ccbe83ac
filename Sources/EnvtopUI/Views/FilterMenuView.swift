import EnvtopCore
import EnvtopModels

/// The `f` menu: every filter with how many items it would show. Plain inputs, built by
/// `DashboardView.filterMenu`.
struct FilterMenuView: Widget, Sendable, Equatable {
    struct Choice: Sendable, Equatable {
        /// "active", "needs attention (current)".
        var label: String
        var count: Int
    }

    var choices: [Choice]
    var selected: Int
    /// Says the counts are under the active search ("counts with /state:active").
    var note: String? = nil

    func render(in area: Rect, on screen: inout Screen) {
        let width = min(area.width - 4, max(40, note.map { SafeText.width($0) + 12 } ?? 0))
        let rect = area.centered(width: width, height: min(area.height - 2, choices.count + 4))
        let inner = Box.draw(
            rect, into: &screen, style: .normal, borderStyle: CellStyle(.border),
            title: [Span("Filter", .title, .bold)] + (note.map { [Span(" · " + $0, .dim)] } ?? []))
        for (i, choice) in choices.enumerated() {
            let y = inner.y + 1 + i
            guard y < inner.maxY else { break }
            let isSelected = i == selected
            let style = CellStyle(isSelected ? .selection : .normal)
            screen.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style)
            if isSelected { screen.write(StateBadge.selectionMarker, x: inner.x, y: y, maxWidth: 1, style: CellStyle(.selection, .bold)) }
            let countText = "\(choice.count)"
            screen.write(choice.label, x: inner.x + 2, y: y, maxWidth: inner.width - 4 - SafeText.width(countText), style: style)
            screen.writePadded(countText, x: inner.maxX - 1 - SafeText.width(countText), y: y, width: SafeText.width(countText), style: style, alignRight: true)
        }
        let footer = " Enter applies · Esc closes "
        if rect.width > SafeText.width(footer) + 4 {
            screen.write(footer, x: rect.x + 2, y: rect.maxY - 1, maxWidth: rect.width - 4, style: CellStyle(.border))
        }
    }
}
