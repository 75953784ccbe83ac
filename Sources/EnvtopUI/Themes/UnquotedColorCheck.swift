import EnvtopCore
/// Finds `fg: #00ff00` written without quotes, which YAML reads as an empty value followed by
/// a comment. Depending on the layout that gives an empty colour or a baffling syntax error a
/// line later, so theme files are checked for it first and the message says what to write.
enum UnquotedColorCheck {
    /// The first unquoted `#rgb`/`#rrggbb` value: its 1-based line and the colour text.
    static func find(in text: String) -> (line: Int, color: String)? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let color = unquotedColor(in: Array(line)) { return (index + 1, color) }
        }
        return nil
    }

    /// Walks one line outside quotes; at the first comment, decides whether it is a colour.
    private static func unquotedColor(in line: [Character]) -> String? {
        var quote: Character?
        var i = 0
        while i < line.count {
            let c = line[i]
            if let open = quote {
                if c == open { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#", i == 0 || line[i - 1] == " " || line[i - 1] == "\t" {
                // A comment starts here. It is a colour if a value belongs here and hex follows.
                let before = line[..<i].last { $0 != " " && $0 != "\t" }
                guard let before, [":", ",", "[", "{", "-"].contains(before) else { return nil }
                var end = i + 1
                while end < line.count, line[end].isHexDigit { end += 1 }
                let digits = end - i - 1
                let boundary = end == line.count || [" ", "\t", ",", "}", "]"].contains(line[end])
                return (digits == 3 || digits == 6) && boundary ? String(line[i..<end]) : nil
            }
            i += 1
        }
        return nil
    }
}
