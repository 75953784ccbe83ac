/// Splits text into lines that fit a width once sanitised, so long values and sentences wrap
/// instead of being cut.
///
/// The pieces are slices of the ORIGINAL text: drawing them with `Screen.write` sanitises them
/// again, so control characters still show as escapes in the `escaped` role. Widths are those of
/// the sanitised text (an ESC is the two columns of `\e`), so nothing overflows.
public enum TextWrap {
    /// The lines of `text` at most `width` columns wide, broken after a space when one is near.
    public static func lines(_ text: String, width: Int) -> [String] {
        lines(text, width: width, maxLines: .max).lines
    }

    /// At most `maxLines` lines, and where the text stops when it does not fit in them: the
    /// walk ends there, so a 200 KB value costs what the lines shown hold.
    public static func lines(_ text: String, width: Int, maxLines: Int) -> (lines: [String], rest: Substring?) {
        guard width > 0, maxLines > 0 else { return ([], text.isEmpty ? nil : text[...]) }
        if text.isEmpty { return ([""], nil) }
        var result: [String] = []
        var lineStart = text.startIndex
        var lineWidth = 0
        // The line up to and including its last space, and that prefix's width, for word breaks.
        var breakIndex: String.Index?
        var breakWidth = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let w = columns(character)
            if lineWidth + w > width, lineStart < index {
                if let cut = breakIndex, breakWidth > width / 3 {
                    result.append(String(text[lineStart..<cut]))
                    lineStart = cut
                    lineWidth -= breakWidth
                } else {
                    result.append(String(text[lineStart..<index]))
                    lineStart = index
                    lineWidth = 0
                }
                breakIndex = nil
                breakWidth = 0
                if result.count == maxLines { return (result, text[lineStart...]) }
            }
            lineWidth += w
            index = text.index(after: index)
            if character == " " {
                breakIndex = index
                breakWidth = lineWidth
            }
        }
        if lineStart < text.endIndex { result.append(String(text[lineStart...])) }
        return (result, nil)
    }

    /// The columns one character takes once sanitised.
    public static func columns(_ character: Character) -> Int {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii != 0x7F { return 1 }
        return SafeText.width(String(character))
    }
}
