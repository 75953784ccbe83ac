@testable import EnvtopCore
@testable import EnvtopUI
import Testing

/// Wrapping by sanitised width, losslessly.
@Suite("Text wrap")
struct TextWrapTests {
    @Test("pieces fit the width once sanitised and join back into the original",
          arguments: ["plain words that need to wrap somewhere sensible", "\u{1b}[31mred\u{1b}[0m\nnext line\there",
                      String(repeating: "山田太郎", count: 6), "🚀 launch 🚀 launch 🚀", "x", ""])
    func lossless(text: String) {
        for width in [1, 2, 3, 7, 12, 40] {
            let pieces = TextWrap.lines(text, width: width)
            #expect(pieces.joined() == text)
            for piece in pieces {
                // A single glyph wider than the width (an escape, a wide character) is the only overflow.
                #expect(SafeText.width(piece) <= width || piece.count == 1, "width \(width): \(piece.debugDescription)")
            }
        }
    }

    @Test("breaks after a space when one is near")
    func wordBreaks() {
        #expect(TextWrap.lines("the quick brown fox", width: 10) == ["the quick ", "brown fox"])
        #expect(TextWrap.lines("abcdefghijkl", width: 5) == ["abcde", "fghij", "kl"])
    }
}
