import EnvtopCore
import EnvtopModels

/// The `?` overlay: `HelpText`'s lines (every binding of the key table, then what the symbols
/// and rules mean), in two columns when the screen is wide enough, paged by the state's scroll.
///
/// Generated from the same table dispatch reads, so help and behaviour cannot drift apart.
struct HelpOverlay: Widget, Sendable, Equatable {
    /// Destructive keys are marked off in read-only mode.
    var readOnly: Bool
    /// The first row shown (the state clamps it).
    var scroll: Int
    /// The thresholds the rules are explained with (the environment in view).
    var runbook = RunbookThresholds()
    /// The key table in effect.
    var keys = KeyBindings.standard
    /// Actions the profiles in view do not allow (`AppState.forbiddenActions`): marked.
    var forbidden: Set<Action> = []

    func render(in area: Rect, on screen: inout Screen) {
        let content = Self.lines(readOnly: readOnly, runbook: runbook, keys: keys, forbidden: forbidden)
        let columns = HelpText.columns(width: area.width)
        let rows = (content.count + columns - 1) / columns
        let column = HelpText.columnWidth
        let width = min(area.width - 4, columns * column + (columns - 1) * 2)
        let height = min(area.height - 2, rows + 2)
        let rect = area.centered(width: width, height: height)
        let inner = Box.draw(
            rect, into: &screen, style: .normal, borderStyle: CellStyle(.border),
            title: [Span("Help: every key", .title, .bold)])
        let maxScroll = max(0, rows - inner.height)
        let scroll = min(max(0, scroll), maxScroll)
        let columnWidth = columns == 1 ? inner.width - 1 : (inner.width - 2) / 2
        for row in 0..<inner.height {
            for c in 0..<columns {
                let index = c * rows + scroll + row
                guard scroll + row < rows, index < content.count else { continue }
                SpanWriter.write(content[index], x: inner.x + 1 + c * (columnWidth + 2), y: inner.y + row, maxWidth: columnWidth - 1, into: &screen)
            }
        }
        var footer = "Esc/? closes"
        if maxScroll > 0 {
            footer = "\(scroll + 1)-\(min(rows, scroll + inner.height)) of \(rows)  "
                + (scroll < maxScroll ? "PgDn/j more  " : "") + (scroll > 0 ? "PgUp/k  " : "") + footer
        }
        let w = SafeText.width(footer) + 2
        if rect.width > w + 4 {
            screen.write(" \(footer) ", x: rect.maxX - w - 2, y: rect.maxY - 1, maxWidth: w, style: CellStyle(.border))
        }
    }

    /// The overlay's text, one span line per row.
    static func lines(
        readOnly: Bool, runbook: RunbookThresholds = RunbookThresholds(), keys: KeyBindings = .standard, forbidden: Set<Action> = []
    ) -> [[Span]] {
        HelpText.lines(readOnly: readOnly, runbook: runbook, bindings: keys.bindings, forbidden: forbidden).map { line in
            line.map { Span($0.text, $0.role, $0.bold ? .bold : []) }
        }
    }
}
