import CNcurses
import EnvtopCore
import EnvtopUI
import Testing

@testable import EnvtopTerminal

@Suite("PasteCollector")
struct PasteCollectorTests {
    /// Feeds `text` as characters, then the end marker; returns what the collector reported.
    private func collect(_ text: String, into collector: inout PasteCollector) -> String? {
        for scalar in text.unicodeScalars {
            #expect(collector.feed(.character(scalar.value), spelling: { _ in nil }) == nil)
        }
        return collector.feed(.keyCode(ExtraKeySequences.pasteEnd), spelling: { _ in nil })
    }

    @Test("everything up to the end marker is text: CR, LF, tab and control characters included")
    func text() {
        var collector = PasteCollector()
        let pasted = "queued\rSy\r\n\ttab\u{3}\u{1B}\u{7F}\u{9B}日本😀"
        #expect(collect(pasted, into: &collector) == pasted)
        #expect(!collector.isTruncated)
        #expect(collector.byteCount == pasted.utf8.count)
    }

    @Test("an empty paste is an empty string")
    func empty() {
        var collector = PasteCollector()
        #expect(collector.feed(.keyCode(ExtraKeySequences.pasteEnd), spelling: { _ in nil }) == "")
    }

    @Test("key codes curses decoded inside the paste are spelled back as their sequence")
    func keyCodes() {
        var collector = PasteCollector()
        let spelling: (Int32) -> String? = { code in
            switch code {
            case KEY_UP: return "\u{1B}OA"
            case ExtraKeySequences.sgrMouse: return "\u{1B}[<"
            default: return nil
            }
        }
        #expect(collector.feed(.character(0x61), spelling: spelling) == nil)
        #expect(collector.feed(.keyCode(KEY_UP), spelling: spelling) == nil)
        #expect(collector.feed(.keyCode(ExtraKeySequences.sgrMouse), spelling: spelling) == nil)
        #expect(collector.feed(.keyCode(KEY_IC), spelling: spelling) == nil)  // no spelling: dropped
        #expect(collector.feed(.character(0x30), spelling: spelling) == nil)
        #expect(collector.feed(.keyCode(ExtraKeySequences.pasteEnd), spelling: spelling) == "a\u{1B}OA\u{1B}[<0")
    }

    @Test("values that are not Unicode scalars are dropped")
    func invalidScalars() {
        var collector = PasteCollector()
        #expect(collector.feed(.character(0xD800), spelling: { _ in nil }) == nil)
        #expect(collector.feed(.character(0x110000), spelling: { _ in nil }) == nil)
        #expect(collect("ok", into: &collector) == "ok")
    }

    @Test("the text is capped in UTF-8 bytes; the rest is dropped, the kept part is a prefix")
    func cap() {
        var collector = PasteCollector(limit: 5)
        // "abcd" is 4 bytes; "é" (2 bytes) would pass the cap, so it and all after are dropped,
        // even "z" which would still fit.
        #expect(collect("abcdéz", into: &collector) == "abcd")
        #expect(collector.isTruncated)
        #expect(collector.byteCount == 4)

        var exact = PasteCollector(limit: 5)
        #expect(collect("abcdé", into: &exact) == "abcd")
        var fits = PasteCollector(limit: 6)
        #expect(collect("abcdé", into: &fits) == "abcdé")
        #expect(!fits.isTruncated)
    }

    @Test("a paste much larger than the cap keeps the first 64 KiB and still ends at the marker")
    func large() {
        var collector = PasteCollector()
        let line = Array("0123456789abcdef".unicodeScalars)
        var endedEarly = 0
        for index in 0..<(300 * 1024) where collector.feed(.character(line[index % line.count].value), spelling: { _ in nil }) != nil {
            endedEarly += 1
        }
        #expect(endedEarly == 0)
        let text = collector.feed(.keyCode(ExtraKeySequences.pasteEnd), spelling: { _ in nil })
        #expect(text?.utf8.count == PasteCollector.defaultLimit)
        #expect(text?.hasPrefix("0123456789abcdef0123") == true)
        #expect(collector.isTruncated)
    }

    @Test("the text so far is available when the end marker never comes")
    func partial() {
        var collector = PasteCollector()
        for scalar in "half a pas".unicodeScalars {
            _ = collector.feed(.character(scalar.value), spelling: { _ in nil })
        }
        #expect(collector.text == "half a pas")
    }

    @Test("the paste markers have private key codes, and the sequences are xterm's")
    func markers() {
        #expect(KeyDecoder.decode(.keyCode(ExtraKeySequences.pasteStart)) == .pasteStart)
        #expect(KeyDecoder.decode(.keyCode(ExtraKeySequences.pasteEnd)) == .pasteEnd)
        #expect(PasteCollector.enableSequence == "\u{1B}[?2004h")
        #expect(PasteCollector.disableSequence == "\u{1B}[?2004l")
        #expect(PasteCollector.startMarker == "\u{1B}[200~")
        #expect(PasteCollector.endMarker == "\u{1B}[201~")
    }
}
