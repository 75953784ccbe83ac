import EnvtopCore
/// The attribute words a theme file may use: `bold`, `dim`, `underline`, `reverse`, `italic`.
public enum ThemeFileAttributes {
    public static let names: [(word: String, attribute: TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("underline", .underline), ("reverse", .reverse), ("italic", .italic),
    ]

    /// The attribute a word names, or nil.
    public static func parse(_ word: String) -> TextAttributes? {
        let text = word.trimmingASCIISpaces().lowercased()
        return names.first { $0.word == text }?.attribute
    }

    /// The words for `attributes`, in the order above.
    public static func words(for attributes: TextAttributes) -> [String] {
        names.filter { attributes.contains($0.attribute) }.map(\.word)
    }

    static let expected = "expected bold, dim, underline, reverse or italic"
}
