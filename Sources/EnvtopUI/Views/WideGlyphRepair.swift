import EnvtopCore
/// Keeps wide glyphs whole when something is drawn over part of one.
///
/// A width-2 glyph owns two cells (its own and a continuation). An overlay whose edge falls between
/// them would leave half a glyph, and the row would no longer be exactly `width` columns on the
/// terminal. These helpers blank the orphaned half instead.
enum WideGlyphRepair {
    /// Blanks the halves of wide glyphs that straddle the left or right edge of `rect`, before
    /// something is drawn inside it.
    static func detach(_ rect: Rect, in screen: inout Screen) {
        let y0 = max(0, rect.y)
        let y1 = min(screen.height, rect.maxY)
        guard y0 < y1 else { return }
        for y in y0..<y1 {
            // A glyph starting just left of the rect whose continuation is inside it.
            if rect.x > 0, rect.x < screen.width, screen[rect.x, y].isContinuation {
                blank(x: rect.x - 1, y: y, in: &screen)
            }
            // A continuation just right of the rect whose glyph starts inside it.
            if rect.maxX >= 0, rect.maxX < screen.width, screen[rect.maxX, y].isContinuation {
                blank(x: rect.maxX, y: y, in: &screen)
            }
        }
    }

    /// Repairs every row: a continuation cell must follow a wide glyph, and a wide glyph must be
    /// followed by its continuation. Anything else becomes a blank in the same style.
    static func repairAll(_ screen: inout Screen) {
        for y in 0..<screen.height {
            var x = 0
            while x < screen.width {
                let cell = screen[x, y]
                if cell.isContinuation {
                    blank(x: x, y: y, in: &screen)  // no wide glyph before it (handled below)
                    x += 1
                    continue
                }
                if !isNarrow(cell.text) && DisplayWidth.of(cell.text) == 2 {
                    if x + 1 < screen.width, screen[x + 1, y].isContinuation {
                        x += 2
                        continue
                    }
                    blank(x: x, y: y, in: &screen)
                }
                x += 1
            }
        }
    }

    static func blank(x: Int, y: Int, in screen: inout Screen) {
        guard x >= 0, x < screen.width, y >= 0, y < screen.height else { return }
        screen[x, y] = Cell(" ", style: screen[x, y].style)
    }

    /// Fast path: a single ASCII byte is never wide.
    static func isNarrow(_ text: String) -> Bool { text.utf8.count <= 1 }
}
