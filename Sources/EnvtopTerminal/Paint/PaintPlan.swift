import EnvtopCore
import EnvtopUI

/// What one paint sends to curses: only the cells that changed since the last painted frame.
///
/// A pure value, so tests can check exactly which cells a refresh writes. Rules:
/// - Runs come from `Screen.changedRuns(since:)`; everything when there is no previous frame or
///   its size differs (`isFull`).
/// - A run is widened to the left while it starts on a continuation cell of the new *or* the
///   old frame, so a wide glyph is never half-overwritten.
/// - Continuation cells are not written (curses fills both columns of a wide glyph).
/// - Cells that cannot be drawn safely become something that can: empty text and orphan
///   continuation cells become a space; a wide glyph without its continuation (or cut by the
///   right edge) becomes a space; control characters and zero-width text become "?". Nothing
///   that could move the cursor ever reaches the terminal.
/// - Everything is clipped to `visible` (the terminal size, which can differ from the frame's
///   while a resize is in flight).
public struct PaintPlan: Sendable, Hashable {
    /// One cell to write at column `x`; `width` is 1 or 2 columns.
    public struct Glyph: Sendable, Hashable {
        public var x: Int
        public var text: String
        public var style: CellStyle
        public var width: Int

        public init(x: Int, text: String, style: CellStyle, width: Int = 1) {
            self.x = x
            self.text = text
            self.style = style
            self.width = width
        }
    }

    /// Consecutive glyphs on row `y`.
    public struct Span: Sendable, Hashable {
        public var y: Int
        public var glyphs: [Glyph]

        public init(y: Int, glyphs: [Glyph]) {
            self.y = y
            self.glyphs = glyphs
        }
    }

    public var spans: [Span]
    /// True when the whole frame is written (first paint, size change, forced repaint).
    public var isFull: Bool

    /// How many glyphs the plan writes.
    public var glyphCount: Int { spans.reduce(0) { $0 + $1.glyphs.count } }
    public var isEmpty: Bool { spans.isEmpty }

    public init(spans: [Span], isFull: Bool) {
        self.spans = spans
        self.isFull = isFull
    }

    /// The plan that turns `previous` (what the terminal shows) into `next`.
    public init(previous: Screen?, next: Screen, visible: Size) {
        let usable = previous.flatMap { $0.size == next.size ? $0 : nil }
        isFull = usable == nil
        var spans: [Span] = []
        for run in next.changedRuns(since: usable) where run.y < visible.height {
            var start = run.x
            if let usable {
                while start > 0 && (next[start, run.y].isContinuation || usable[start, run.y].isContinuation) {
                    start -= 1
                }
            }
            let end = min(run.x + run.cells.count, next.width, visible.width)
            guard start < end else { continue }
            let glyphs = Self.glyphs(of: next, y: run.y, from: start, to: end, visibleWidth: visible.width)
            if !glyphs.isEmpty { spans.append(Span(y: run.y, glyphs: glyphs)) }
        }
        self.spans = spans
    }

    static func glyphs(of screen: Screen, y: Int, from start: Int, to end: Int, visibleWidth: Int) -> [Glyph] {
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(end - start)
        var x = start
        while x < end {
            let cell = screen[x, y]
            if cell.isContinuation {
                // Reached only when no wide glyph precedes it (those skip their continuation).
                glyphs.append(Glyph(x: x, text: " ", style: cell.style))
                x += 1
                continue
            }
            let (text, width) = drawable(cell.text)
            if width == 2 {
                let fits = x + 1 < screen.width && x + 1 < visibleWidth && screen[x + 1, y].isContinuation
                if fits {
                    glyphs.append(Glyph(x: x, text: text, style: cell.style, width: 2))
                    x += 2
                    continue
                }
                glyphs.append(Glyph(x: x, text: " ", style: cell.style))
                x += 1
                continue
            }
            glyphs.append(Glyph(x: x, text: text, style: cell.style))
            x += 1
        }
        return glyphs
    }

    /// The text to send for a cell and its width: one grapheme, never a control character.
    static func drawable(_ text: String) -> (String, Int) {
        guard let first = text.first else { return (" ", 1) }
        if first.unicodeScalars.contains(where: isControl) { return ("?", 1) }
        let width = DisplayWidth.of(first)
        if width == 0 { return ("?", 1) }
        return (String(first), width)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0)
    }
}
