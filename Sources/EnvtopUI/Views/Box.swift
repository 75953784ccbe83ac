import EnvtopCore
/// A bordered box for overlays (help, filter menu, stop confirmation).
enum Box {
    /// Fills `rect` with `style`, draws a single-line border in `borderStyle` and the title on the
    /// top edge. Returns the inner rectangle.
    @discardableResult
    static func draw(
        _ rect: Rect, into screen: inout Screen, style: CellStyle, borderStyle: CellStyle,
        title: [Span] = []
    ) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else {
            screen.fill(rect, style: style)
            return Rect(x: rect.x, y: rect.y, width: 0, height: 0)
        }
        WideGlyphRepair.detach(rect, in: &screen)
        screen.fill(rect, style: style)
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        for x in rect.x...right {
            screen[x, rect.y] = Cell("─", style: borderStyle)
            screen[x, bottom] = Cell("─", style: borderStyle)
        }
        for y in rect.y...bottom {
            screen[rect.x, y] = Cell("│", style: borderStyle)
            screen[right, y] = Cell("│", style: borderStyle)
        }
        screen[rect.x, rect.y] = Cell("┌", style: borderStyle)
        screen[right, rect.y] = Cell("┐", style: borderStyle)
        screen[rect.x, bottom] = Cell("└", style: borderStyle)
        screen[right, bottom] = Cell("┘", style: borderStyle)
        if !title.isEmpty, rect.width > 6 {
            let spans = [Span(" ", borderStyle.role)] + title + [Span(" ", borderStyle.role)]
            SpanWriter.write(spans, x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4, into: &screen)
        }
        return rect.inset(by: 1)
    }
}
