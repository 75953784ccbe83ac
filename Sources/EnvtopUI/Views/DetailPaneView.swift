import EnvtopCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The detail pane: a title row (which item, where the scroll is) and a window of `DetailLines`.
///
/// Its inputs include the layout's three rectangles (title row, divider, body), since the pane
/// is not one rectangle: `render` draws into those and ignores `area`.
struct DetailPaneView: Widget, Sendable, Equatable {
    var title: Rect
    var divider: Rect
    var body: Rect
    /// The selected item's lines at the body's width.
    var lines: [DetailLine]
    var scroll: Int
    var focused: Bool
    var selectedID: String?
    /// Shown when there are no lines.
    var hint: String

    func render(in area: Rect, on screen: inout Screen) {
        let maxScroll = max(0, lines.count - body.height)
        let scroll = min(max(0, self.scroll), maxScroll)
        drawTitle(lines: lines.count, scroll: scroll, height: body.height, in: title, into: &screen)
        Self.drawDivider(divider, into: &screen)
        screen.fill(Rect(x: body.x - 1, y: body.y, width: body.width + 1, height: body.height), style: CellStyle(.detailValue))
        guard !lines.isEmpty else {
            screen.write(hint, x: body.x + 1, y: body.y, maxWidth: body.width - 1, style: CellStyle(.dim))
            return
        }
        let labelWidth = DetailLines.labelWidth(for: body.width)
        for row in 0..<body.height {
            let index = scroll + row
            guard index < lines.count else { break }
            Self.draw(lines[index], x: body.x, y: body.y + row, width: body.width, labelWidth: labelWidth, into: &screen)
        }
    }

    static func draw(_ line: DetailLine, x: Int, y: Int, width: Int, labelWidth: Int, into screen: inout Screen) {
        switch line.kind {
        case .field:
            screen.write(line.label, x: x, y: y, maxWidth: labelWidth - 1, style: CellStyle(.detailLabel))
            screen.write(line.value, x: x + labelWidth, y: y, maxWidth: width - labelWidth, style: CellStyle(line.role))
        case .section:
            let used = screen.write(line.label, x: x, y: y, maxWidth: width, style: CellStyle(.title, .bold))
            if width - used - 1 > 0 {
                screen.write(String(repeating: "─", count: width - used - 1), x: x + used + 1, y: y, maxWidth: width - used - 1, style: CellStyle(.border))
            }
        case .text:
            screen.write(line.value, x: x + 2, y: y, maxWidth: width - 2, style: CellStyle(line.role))
        case .attention:
            screen.write(line.label, x: x, y: y, maxWidth: 1, style: CellStyle(.attention, .bold))
            screen.write(line.value, x: x + 2, y: y, maxWidth: width - 2, style: CellStyle(.attention))
        }
    }

    /// "─ Detail: work_… ───── 1-8/31 ↓ ─": bright when the pane has focus, dim otherwise.
    func drawTitle(lines: Int, scroll: Int, height: Int, in rect: Rect, into screen: inout Screen) {
        guard !rect.isEmpty else { return }
        let border = CellStyle(focused ? .title : .border, focused ? .bold : [])
        screen.fill(rect, style: border, text: "─")
        var spans = [Span(" Detail", focused ? .title : .border, .bold)]
        if let id = selectedID { spans += [Span(": ", border.role), Span(id, focused ? .title : .normal)] }
        spans.append(Span(focused ? " (focused) " : " ", border.role, border.attributes))
        var position = ""
        if lines > height {
            let last = min(lines, scroll + height)
            position = " \(scroll + 1)-\(last)/\(lines)\(last < lines ? " ↓" : "") "
        }
        let positionWidth = SafeText.width(position)
        SpanWriter.write(spans, x: rect.x + 1, y: rect.y, maxWidth: max(0, rect.width - 2 - positionWidth), into: &screen)
        if positionWidth > 0, rect.width > positionWidth + 2 {
            screen.write(position, x: rect.maxX - positionWidth - 1, y: rect.y, maxWidth: positionWidth, style: border)
        }
    }

    /// The vertical rule between list and detail when they sit side by side.
    static func drawDivider(_ rect: Rect, into screen: inout Screen) {
        guard !rect.isEmpty else { return }
        screen.fill(rect, style: CellStyle(.border), text: "│")
    }
}
