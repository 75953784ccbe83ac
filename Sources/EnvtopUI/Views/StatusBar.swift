import EnvtopCore

/// The status line: `left` (the search being typed, a flash message, what the last refresh
/// changed) and `right` (filter, sort order, item count) at the right end.
///
/// The left side matters more: the right is dropped when both do not fit.
struct StatusBar: Widget, Sendable, Equatable {
    var left: [Span]
    var right: [Span]

    func render(in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        screen.fill(area, style: .normal)
        let right = left.width + self.right.width + 4 > area.width ? [] : self.right
        let rightWidth = right.width
        SpanWriter.write(left, x: area.x + 1, y: area.y, maxWidth: area.width - 2 - (rightWidth > 0 ? rightWidth + 2 : 0), into: &screen)
        if rightWidth > 0 {
            SpanWriter.write(right, x: area.maxX - 1 - rightWidth, y: area.y, maxWidth: rightWidth, into: &screen)
        }
    }
}
