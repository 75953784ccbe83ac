import EnvtopCore
/// The colour words a theme file may use, and how they read.
///
/// A colour is a palette name, `default` (the terminal's own colour), one of the 16 ANSI
/// names (`red`, `bright-red`, `grey`…), `ansi:0`…`ansi:15`, `color:0`…`color:255` (the xterm
/// palette) or `#rrggbb` / `#rgb`. Words are case-insensitive.
public enum ThemeFileColor {
    /// The 16 ANSI colour names in index order.
    public static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Other spellings people reach for.
    static let aliases: [String: Int] = ["grey": 8, "gray": 8, "bright-grey": 7, "bright-gray": 7]

    /// What a colour may be, for error messages.
    static let expected =
        "expected a palette name, default, a colour name (red, bright-red…), ansi:0-15, color:0-255 or \"#rrggbb\""

    /// The colour a literal word names (not a palette name), or nil.
    public static func parse(_ word: String) -> ThemeColor? {
        let text = word.trimmingASCIISpaces().lowercased()
        if text == "default" { return .terminalDefault }
        if let index = ansiNames.firstIndex(of: text) { return .ansi(index) }
        if let index = aliases[text] { return .ansi(index) }
        if let n = number(after: "ansi:", in: text), (0...15).contains(n) { return .ansi(n) }
        if let n = number(after: "color:", in: text) ?? number(after: "colour:", in: text), (0...255).contains(n) {
            return .indexed(n)
        }
        if text.hasPrefix("#") { return hex(String(text.dropFirst())) }
        return nil
    }

    /// The word a theme file would use for `color` (the inverse of `parse`).
    public static func word(for color: ThemeColor) -> String {
        switch color {
        case .terminalDefault: "default"
        case .ansi(let n): (0..<16).contains(n) ? ansiNames[n] : "ansi:\(n)"
        case .indexed(let n): "color:\(n)"
        case .rgb(let r, let g, let b): "#" + [r, g, b].map(twoHexDigits).joined()
        }
    }

    private static func number(after prefix: String, in text: String) -> Int? {
        guard text.hasPrefix(prefix) else { return nil }
        let digits = text.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(digits)
    }

    private static func hex(_ digits: String) -> ThemeColor? {
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        let values = digits.compactMap { $0.hexDigitValue }
        switch values.count {
        case 6:
            return .rgb(UInt8(values[0] * 16 + values[1]), UInt8(values[2] * 16 + values[3]), UInt8(values[4] * 16 + values[5]))
        case 3:
            return .rgb(UInt8(values[0] * 17), UInt8(values[1] * 17), UInt8(values[2] * 17))
        default:
            return nil
        }
    }

    private static func twoHexDigits(_ value: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(value >> 4)], digits[Int(value & 0xF)]])
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    func trimmingASCIISpaces() -> String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text = text.dropFirst() }
        while text.last == " " || text.last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
