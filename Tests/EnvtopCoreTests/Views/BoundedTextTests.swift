import EnvtopModels
import Foundation
import Testing

@testable import EnvtopCore
@testable import EnvtopUI

/// Text far wider than the screen costs what the screen shows: a 20,000-character id is measured
/// only as far as its cell, and a 200 KB value wraps to a few lines in the detail pane.
@Suite("Bounded text")
struct BoundedTextTests {
    static let samples = [
        "plain ascii id", String(repeating: "x", count: 20_000), "\u{1b}[31mred\u{1b}[0m\nnext",
        String(repeating: "山田太郎", count: 50), "e\u{301}e\u{301}e\u{301} combining", "🚀 launch 👩‍👩‍👧 family",
        "abc\u{202E}evil", "aaaa" + "\u{301}", "",
    ]

    @Test("glyphs(_:maxWidth:) is the prefix of glyphs(_:) that fits, and says whether more follows")
    func boundedGlyphsAgree() {
        for text in Self.samples {
            let all = SafeText.glyphs(text)
            for limit in [1, 2, 3, 4, 10, 30, 100] {
                let (prefix, overflows) = SafeText.glyphs(text, maxWidth: limit)
                var width = 0
                var expected: [SafeText.Glyph] = []
                // The same glyphs, grouped by character: a character's escape is all or nothing.
                for character in text {
                    let pieces = SafeText.glyphs(of: character)
                    let w = pieces.reduce(0) { $0 + $1.width }
                    if width + w > limit { break }
                    expected += pieces
                    width += w
                }
                #expect(prefix == expected, "\(text.prefix(20).debugDescription) at \(limit)")
                #expect(overflows == (all.reduce(0) { $0 + $1.width } > limit), "\(text.prefix(20).debugDescription) at \(limit)")
            }
        }
    }

    @Test("a row clips a 20,000-character id with … at the cell's edge, as before")
    func screenClips() {
        var screen = Screen(size: Size(width: 40, height: 1))
        let used = screen.write(String(repeating: "x", count: 20_000), x: 0, y: 0, maxWidth: 30)
        #expect(used == 30)
        #expect(screen.row(y: 0).hasPrefix(String(repeating: "x", count: 29) + "…"))
    }

    @Test("wrapping with a line limit gives the first lines of the full wrap and where it stopped")
    func wrapLimitAgrees() {
        for text in Self.samples {
            for width in [1, 5, 17] {
                let full = TextWrap.lines(text, width: width)
                let (some, rest) = TextWrap.lines(text, width: width, maxLines: 3)
                #expect(Array(full.prefix(3)) == some)
                #expect((rest == nil) == (full.count <= 3))
                if let rest { #expect(some.joined() + rest == text) }
            }
        }
    }

    @Test("a 200 KB metadata value and a 20,000-character id take a few lines each, and say how much more there is")
    func detailPaneIsBounded() {
        var item = ViewFixtures.item(1, .active, created: 60, acknowledged: 50, started: 40, heartbeat: 5)
        item.id = "work_" + String(repeating: "x", count: 20_000)
        item.metadata = ["huge": String(repeating: "a", count: 200_000), "small": "ok"]
        var s = StateFixtures.loaded([item])
        _ = s.apply(.key(.character("j")))
        let lines = DetailLines.build(state: s, width: 60, timeZone: .utc)
        #expect(lines.count < 80)
        let text = lines.map(\.value).joined(separator: "\n")
        #expect(text.contains("more bytes (C copies the whole item)"))
        #expect(text.contains("ok"), "the values after a huge one are still shown")
    }
}
