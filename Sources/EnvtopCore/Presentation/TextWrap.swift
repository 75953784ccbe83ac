/// Splits text into lines that fit a width once sanitised, so long values and sentences wrap
/// instead of being cut.
///
/// The pieces are slices of the ORIGINAL text: drawing them with `Screen.write` sanitises them
/// again, so control characters still show as escapes in the `escaped` role. Widths are those of
/// the sanitised text (an ESC is the two columns of `\e`), so nothing overflows.
public enum TextWrap {
    /// The lines of `text` at most `width` columns wide, broken after a space when one is near.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        if text.isEmpty { return [""] }
        var result: [String] = []
        var line = ""
        var lineWidth = 0
        // The line up to and including its last space, and that prefix's width, for word breaks.
        var breakIndex: String.Index?
        var breakWidth = 0
        for character in text {
            let w = columns(character)
            if lineWidth + w > width, !line.isEmpty {
                if let index = breakIndex, breakWidth > width / 3 {
                    result.append(String(line[..<index]))
                    line = String(line[index...])
                    lineWidth -= breakWidth
                } else {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                breakIndex = nil
                breakWidth = 0
            }
            line.append(character)
            lineWidth += w
            if character == " " {
                breakIndex = line.endIndex
                breakWidth = lineWidth
            }
        }
        if !line.isEmpty { result.append(line) }
        return result
    }

    /// The columns one character takes once sanitised.
    public static func columns(_ character: Character) -> Int {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii != 0x7F { return 1 }
        return SafeText.width(String(character))
    }
}
