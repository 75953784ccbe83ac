extension SafeText {
    /// The glyphs of the text's first `maxWidth` columns, and whether more follows: a cell
    /// clipped to 30 columns costs 30 glyphs, not the 20,000 of a hostile id.
    public static func glyphs(_ text: String, maxWidth: Int) -> (glyphs: [Glyph], overflows: Bool) {
        guard maxWidth > 0 else { return ([], !text.isEmpty) }
        if let ascii = printableASCIIPrefix(text, maxWidth: maxWidth) { return ascii }
        var out: [Glyph] = []
        var width = 0
        for character in text {
            let pieces = glyphs(of: character)
            let w = pieces.reduce(0) { $0 + $1.width }
            if width + w > maxWidth { return (out, true) }
            out += pieces
            width += w
        }
        return (out, false)
    }

    /// The fast path: the first `maxWidth` bytes are printable ASCII, and so is the byte after
    /// them (a combining mark there would join the last character).
    static func printableASCIIPrefix(_ text: String, maxWidth: Int) -> (glyphs: [Glyph], overflows: Bool)? {
        var out: [Glyph] = []
        out.reserveCapacity(min(maxWidth, text.utf8.count))
        for byte in text.utf8 {
            guard byte >= 0x20, byte < 0x7F else { return nil }
            if out.count == maxWidth { return (out, true) }
            out.append(Glyph(text: asciiText[Int(byte) - 0x20], width: 1, isEscape: false))
        }
        return (out, false)
    }

    /// One character's glyphs: itself, or its visible escape.
    static func glyphs(of character: Character) -> [Glyph] {
        characterGlyphs(String(character))
    }
}
