@testable import EnvtopCore
@testable import EnvtopUI
import Testing

/// The printable-ASCII fast path of `SafeText.glyphs` gives exactly what the Character walk
/// gives, and steps aside for anything else.
@Suite("SafeText fast path")
struct SafeTextFastPathTests {
    static let printable = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }.joined()

    @Test("every printable ASCII character: the same glyphs as the Character walk")
    func sameGlyphs() throws {
        let samples = [
            Self.printable, "", " ", "work_01K7mQ2xW9pL4nR8tV3zB6cY", "repo=acme/web-42, run=7", "12:03:55 (4m12s ago)",
            "~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./",
        ]
        for text in samples {
            let fast = try #require(SafeText.printableASCIIGlyphs(text), "\(text) is printable ASCII")
            #expect(fast == SafeText.characterGlyphs(text))
            #expect(SafeText.glyphs(text) == fast)
        }
    }

    @Test("control characters, DEL, CR LF and anything beyond ASCII take the Character walk")
    func stepsAside() {
        let samples = [
            "a\u{1B}[31mred", "tab\there", "line\r\nbreak", "del\u{7F}", "nul\u{0}", "café", "e\u{301}", "● active",
            "emoji 🚀", "\u{202E}evil", "wide 漢字",
        ]
        for text in samples {
            #expect(SafeText.printableASCIIGlyphs(text) == nil, "\(text.debugDescription) is not plain")
            #expect(SafeText.glyphs(text) == SafeText.characterGlyphs(text))
        }
        // The escapes still come out: the fast path never lets a control character through.
        #expect(SafeText.visible("a\u{1B}[31mred") == "a\\e[31mred")
    }
}
