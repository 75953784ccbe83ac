import EnvtopCore
/// A width x height grid of cells: what views draw into and what tests assert on.
///
/// Views never touch the terminal; the terminal backend diffs two screens and sends only what
/// changed (`changedRuns(since:)`).
public struct Screen: Sendable, Hashable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, fill: Cell = .blank) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        self.cells = Array(repeating: fill, count: self.size.width * self.size.height)
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set {
            guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
            cells[y * size.width + x] = newValue
        }
    }

    /// Fills a rectangle (clipped to the screen) with a blank cell of `style`.
    public mutating func fill(_ rect: Rect, style: CellStyle, text: String = " ") {
        let x0 = max(0, rect.x)
        let y0 = max(0, rect.y)
        let x1 = min(size.width, rect.maxX)
        let y1 = min(size.height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        let cell = Cell(text, style: style)
        for y in y0..<y1 {
            let base = y * size.width
            for x in x0..<x1 { cells[base + x] = cell }
        }
    }

    /// Writes text from (x, y), sanitised, clipped to `maxWidth` columns with "…" when it does not
    /// fit. Returns the number of columns written.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: CellStyle = .normal,
        escapeRole: ThemeRole = .escaped
    ) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(maxWidth ?? (size.width - x), size.width - x)
        guard limit > 0 else { return 0 }
        // Only as much of the text as fits is measured: a 20,000-character id costs a cell's worth.
        let (glyphs, truncate) = SafeText.glyphs(text, maxWidth: limit)
        let budget = truncate ? limit - 1 : limit
        var col = x
        var used = 0
        for glyph in glyphs {
            if used + glyph.width > budget { break }
            let cellStyle = glyph.isEscape ? CellStyle(escapeRole, style.attributes) : style
            if col >= 0 {
                self[col, y] = Cell(glyph.text, style: cellStyle)
                if glyph.width == 2 { self[col + 1, y] = Cell("", style: cellStyle, isContinuation: true) }
            }
            col += glyph.width
            used += glyph.width
        }
        if truncate {
            if used < budget {  // a wide glyph did not fit: pad so the ellipsis sits at the edge
                self[col, y] = Cell(" ", style: style)
                col += 1
                used += 1
            }
            self[col, y] = Cell("…", style: style)
            used += 1
        }
        return used
    }

    /// Writes text padded with spaces (or clipped) to exactly `width` columns.
    @discardableResult
    public mutating func writePadded(
        _ text: String, x: Int, y: Int, width: Int, style: CellStyle = .normal, alignRight: Bool = false
    ) -> Int {
        guard width > 0 else { return 0 }
        fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        if alignRight {
            let w = min(SafeText.width(text), width)
            return write(text, x: x + width - w, y: y, maxWidth: w, style: style)
        }
        return write(text, x: x, y: y, maxWidth: width, style: style)
    }

    // MARK: - Reading back, for tests and plain-text output

    /// Each row as plain text (continuation cells omitted), trailing spaces kept.
    public var textLines: [String] {
        (0..<size.height).map { row(y: $0) }
    }

    public func row(y: Int) -> String {
        var line = ""
        let base = y * size.width
        for x in 0..<size.width where !cells[base + x].isContinuation {
            line += cells[base + x].text
        }
        return line
    }

    /// The whole screen as text, rows joined by newlines, trailing spaces trimmed.
    public var text: String {
        textLines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }

    /// The role of each cell as one letter per column, per `legend` ("?" when absent), so
    /// tests can assert colours without escape codes.
    public func styleLines(legend: [ThemeRole: Character]) -> [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width {
                line.append(legend[cells[y * size.width + x].style.role] ?? "?")
            }
            return line
        }
    }

    // MARK: - Diff

    /// A horizontal run of cells that changed.
    public struct Run: Sendable, Hashable {
        public var x: Int
        public var y: Int
        public var cells: [Cell]
    }

    /// The runs of cells that differ from `previous`; everything when `previous` is nil or of
    /// another size. A changed wide glyph's continuation cell travels with it.
    public func changedRuns(since previous: Screen?) -> [Run] {
        guard let previous, previous.size == size else {
            return (0..<size.height).map { y in
                Run(x: 0, y: y, cells: Array(cells[(y * size.width)..<((y + 1) * size.width)]))
            }
        }
        var runs: [Run] = []
        for y in 0..<size.height {
            let base = y * size.width
            var x = 0
            while x < size.width {
                if cells[base + x] == previous.cells[base + x] {
                    x += 1
                    continue
                }
                var start = x
                // A continuation cell cannot be drawn alone: start at its lead cell.
                while start > 0 && cells[base + start].isContinuation { start -= 1 }
                var end = x
                while end < size.width && cells[base + end] != previous.cells[base + end] { end += 1 }
                while end < size.width && cells[base + end].isContinuation { end += 1 }
                runs.append(Run(x: start, y: y, cells: Array(cells[(base + start)..<(base + end)])))
                x = end
            }
        }
        return runs
    }
}
