/// Text from the API made safe for a terminal.
///
/// Every string that reaches the screen goes through here: control characters, escape sequences,
/// bidi overrides and other invisible format characters become visible escapes (`\e`, `\n`,
/// `\x07`, `\u{202E}`) drawn in the `escaped` role, so hostile metadata can neither move the
/// cursor nor hide text, and columns stay aligned.
public enum SafeText {
    /// One drawable piece: a grapheme with its width, or a visible escape.
    public struct Glyph: Sendable, Hashable {
        public var text: String
        public var width: Int
        public var isEscape: Bool
    }

    public static func glyphs(_ text: String) -> [Glyph] {
        printableASCIIGlyphs(text) ?? characterGlyphs(text)
    }

    /// The general case: one Character at a time.
    static func characterGlyphs(_ text: String) -> [Glyph] {
        var out: [Glyph] = []
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if character.isASCII, let ascii = character.asciiValue, ascii >= 0x20, ascii != 0x7F {
                out.append(Glyph(text: String(character), width: 1, isEscape: false))
                continue
            }
            if let escape = escapeIfUnsafe(character) {
                for ch in escape { out.append(Glyph(text: String(ch), width: 1, isEscape: true)) }
                continue
            }
            let width = DisplayWidth.of(character)
            if width == 0 {
                // A lone combining mark or zero-width character: show it, do not let it vanish.
                let code = String(character.unicodeScalars.first!.value, radix: 16)
                for ch in "\\u{\(code)}" { out.append(Glyph(text: String(ch), width: 1, isEscape: true)) }
                continue
            }
            out.append(Glyph(text: String(character), width: width, isEscape: false))
        }
        return out
    }

    /// One glyph per byte when the text is printable ASCII (nil otherwise): such text needs no
    /// grapheme breaking, escaping or width lookup, and it is most of what a frame draws (ids,
    /// states, ages, labels). Walking it as Characters was the largest cost of a frame.
    static func printableASCIIGlyphs(_ text: String) -> [Glyph]? {
        printableASCIIPrefix(text, maxWidth: .max)?.glyphs
    }

    /// The one-character strings of printable ASCII, made once.
    static let asciiText: [String] = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }

    /// The visible escape for a character that must not reach the terminal as is, or nil.
    static func escapeIfUnsafe(_ character: Character) -> String? {
        var result = ""
        var unsafe = false
        for scalar in character.unicodeScalars {
            let v = scalar.value
            if let e = escape(scalar: v) {
                result += e
                unsafe = true
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return unsafe ? result : nil
    }

    static func escape(scalar v: UInt32) -> String? {
        switch v {
        case 0x1B: return "\\e"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x00..<0x20, 0x7F: return "\\x" + hex2(v)
        case 0x80..<0xA0: return "\\u{" + String(v, radix: 16) + "}"
        // Bidi embeddings, overrides and isolates; line/paragraph separators; BOM.
        case 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029, 0xFEFF, 0x061C, 0x200E, 0x200F:
            return "\\u{" + String(v, radix: 16) + "}"
        default: return nil
        }
    }

    static func hex2(_ v: UInt32) -> String {
        let s = String(v, radix: 16)
        return s.count == 1 ? "0" + s : s
    }

    /// The plain string a glyph sequence shows, e.g. for `--once` output and tests.
    public static func visible(_ text: String) -> String {
        glyphs(text).map(\.text).joined()
    }

    /// The display width of the sanitised text.
    public static func width(_ text: String) -> Int {
        glyphs(text).reduce(0) { $0 + $1.width }
    }
}
