import EnvtopCore
/// A piece of a line with its own style: header and status lines are built from these.
struct Span: Sendable, Equatable {
    var text: String
    var style: CellStyle

    init(_ text: String, _ role: ThemeRole = .normal, _ attributes: TextAttributes = []) {
        self.text = text
        self.style = CellStyle(role, attributes)
    }

    /// Columns the text takes once sanitised.
    var width: Int { SafeText.width(text) }
}

extension Array where Element == Span {
    /// Columns the spans take side by side.
    var width: Int { reduce(0) { $0 + $1.width } }

    /// The spans as plain text (for `--once` and tests).
    var text: String { map(\.text).joined() }
}

/// Draws span lines into a screen.
enum SpanWriter {
    /// Writes spans left to right from `x`; the first span that does not fit is cut with "…" and
    /// nothing after it is drawn. Returns the columns used.
    @discardableResult
    static func write(_ spans: [Span], x: Int, y: Int, maxWidth: Int, into screen: inout Screen) -> Int {
        var used = 0
        for span in spans {
            let remaining = maxWidth - used
            guard remaining > 0 else { break }
            let width = span.width
            screen.write(span.text, x: x + used, y: y, maxWidth: remaining, style: span.style)
            if width > remaining { return maxWidth }
            used += width
        }
        return used
    }

    /// The first variant that fits in `width` columns, or the last (most compact) one.
    static func firstFitting(_ variants: [[Span]], width: Int) -> [Span] {
        variants.first { $0.width <= width } ?? variants.last ?? []
    }
}
