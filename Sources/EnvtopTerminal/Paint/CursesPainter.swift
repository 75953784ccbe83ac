import CNcurses
import EnvtopCore
import EnvtopUI

/// Writes a `PaintPlan` into curses' virtual screen; the caller flushes with one `doupdate()`.
///
/// Lives on the terminal thread. Styles are resolved once per (role, attributes) through the
/// theme, the `ColorMapper` and the `ColorPairRegistry`, and cached until the theme changes.
final class CursesPainter {
    private(set) var theme: Theme
    let mapper: ColorMapper
    private var registry: ColorPairRegistry
    private var cache: [CellStyle: (attributes: attr_t, pair: Int32)] = [:]
    private var buffer = [wchar_t](repeating: 0, count: 8)

    init(theme: Theme, mapper: ColorMapper, pairCapacity: Int) {
        self.theme = theme
        self.mapper = mapper
        self.registry = ColorPairRegistry(capacity: pairCapacity)
    }

    /// A new theme: every style is resolved again and pairs are handed out afresh.
    func setTheme(_ theme: Theme) {
        self.theme = theme
        cache.removeAll(keepingCapacity: true)
        registry.reset()
    }

    func paint(_ plan: PaintPlan) {
        for span in plan.spans {
            for glyph in span.glyphs {
                let style = resolve(glyph.style)
                let y = Int32(span.y)
                let x = Int32(glyph.x)
                switch Self.agreement(glyph, libraryWidth: libraryWidth(of: glyph.text)) {
                case .agree:
                    put(glyph.text, y: y, x: x, style: style)
                case .narrowBase(let base):
                    put(base, y: y, x: x, style: style)
                    put(" ", y: y, x: x + 1, style: style)
                case .replace(let text):
                    put(text, y: y, x: x, style: style)
                    if glyph.width == 2 { put(" ", y: y, x: x + 1, style: style) }
                }
            }
        }
    }

    /// How to draw a glyph when the C library (which curses follows) and envtop's
    /// `DisplayWidth` disagree on its width. Left alone, curses and the terminal would count
    /// columns differently and the rest of the row would drift.
    enum Agreement: Equatable {
        /// Same width: draw it as is.
        case agree
        /// envtop says 2, the library says 1 (an emoji made wide by VS16, such as "❤️"): draw
        /// the base character alone (text presentation, one column everywhere), then a space.
        case narrowBase(String)
        /// The library does not know it or thinks it wider: a replacement character instead.
        case replace(String)
    }

    static func agreement(_ glyph: PaintPlan.Glyph, libraryWidth: Int32) -> Agreement {
        if libraryWidth == Int32(glyph.width) { return .agree }
        if glyph.width == 2, libraryWidth == 1, let base = glyph.text.unicodeScalars.first {
            return .narrowBase(String(Character(base)))
        }
        return .replace("\u{FFFD}")
    }

    private func libraryWidth(of text: String) -> Int32 {
        guard let first = text.unicodeScalars.first else { return 1 }
        if first.isASCII { return 1 }  // printable ASCII: PaintPlan already removed controls
        return envtop_wcwidth(wchar_t(bitPattern: first.value))
    }

    private func put(_ text: String, y: Int32, x: Int32, style: (attributes: attr_t, pair: Int32)) {
        var count = 0
        for scalar in text.unicodeScalars where count < buffer.count - 1 {
            buffer[count] = wchar_t(bitPattern: scalar.value)
            count += 1
        }
        buffer[count] = 0
        let status = buffer.withUnsafeBufferPointer { envtop_put_cell(y, x, $0.baseAddress, style.attributes, style.pair) }
        // setcchar refuses clusters curses cannot hold (too many marks, a non-spacing mark
        // after a wide emoji...): draw the base character alone rather than nothing. A write
        // to the bottom-right cell also reports ERR after drawing (the cursor cannot advance),
        // which is harmless and also ends here.
        if status != envtop_ok() && count > 1 {
            buffer[1] = 0
            _ = buffer.withUnsafeBufferPointer { envtop_put_cell(y, x, $0.baseAddress, style.attributes, style.pair) }
        }
    }

    func resolve(_ style: CellStyle) -> (attributes: attr_t, pair: Int32) {
        if let cached = cache[style] { return cached }
        let curses = mapper.style(theme.resolve(style))
        var pair: Int32 = 0
        if mapper.depth != .none {
            let assignment = registry.pair(foreground: curses.foreground, background: curses.background)
            pair = assignment.pair
            // A pair curses refuses (e.g. a colour number beyond COLORS) falls back to pair 0.
            if assignment.isNew && init_extended_pair(assignment.pair, curses.foreground, curses.background) != envtop_ok() {
                pair = 0
            }
        }
        let resolved = (attributes: Self.attributes(curses.attributes), pair: pair)
        cache[style] = resolved
        return resolved
    }

    static func attributes(_ attributes: TextAttributes) -> attr_t {
        var bits = envtop_a_normal()
        if attributes.contains(.bold) { bits |= envtop_a_bold() }
        if attributes.contains(.dim) { bits |= envtop_a_dim() }
        if attributes.contains(.underline) { bits |= envtop_a_underline() }
        if attributes.contains(.reverse) { bits |= envtop_a_reverse() }
        if attributes.contains(.italic) { bits |= envtop_a_italic() }
        return bits
    }
}
