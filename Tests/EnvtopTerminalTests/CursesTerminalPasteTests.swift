#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EnvtopCore
import EnvtopUI
import Testing

@testable import EnvtopTerminal

/// Bracketed paste through a real pty. In `CursesTerminalTests` (serialized: curses is
/// process-wide).
extension CursesTerminalTests {
    @Test("a bracketed paste arrives as one .paste, never as keys")
    func pasteArrivesWhole() throws {
        let pty = try #require(PseudoTerminal(columns: 80, rows: 24))
        let (terminal, recorder) = recordingTerminal(pty)
        try terminal.start()
        defer { terminal.stop() }
        let started = pty.read(quiet: 50)
        #expect(started.contains(PasteCollector.enableSequence))

        pty.type("\u{1B}[200~queued\rSy\r\u{1B}[201~")
        #expect(recorder.wait(count: 1) == [.paste("queued\rSy\r")])
        usleep(100_000)
        #expect(recorder.all == [.paste("queued\rSy\r")])

        // Keys around a paste stay keys; escape sequences and mouse reports inside it stay text.
        recorder.reset()
        pty.type("a\u{1B}[200~x\u{1B}[<0;5;3My\tz\u{1B}[201~b")
        #expect(recorder.wait(count: 3) == [.key(.character("a")), .paste("x\u{1B}[<0;5;3My\tz"), .key(.character("b"))])

        recorder.reset()
        pty.type("\u{1B}[200~up\u{1B}[Adone\u{1B}[201~")
        let inputs = recorder.wait(count: 1)
        #expect(inputs.count == 1)
        if case .paste(let text) = inputs.first {
            // curses decoded ESC [ A into KEY_UP; it comes back as a spelling of that key.
            #expect(text.hasPrefix("up\u{1B}") && text.hasSuffix("Adone"))
        } else {
            Issue.record("expected a paste, got \(inputs)")
        }
    }

    @Test("a paste without its end marker ends after a short idle gap")
    func pasteWithoutEnd() throws {
        let pty = try #require(PseudoTerminal(columns: 80, rows: 24))
        let (terminal, recorder) = recordingTerminal(pty)
        try terminal.start()
        defer { terminal.stop() }
        _ = pty.read(quiet: 50)

        let began = PseudoTerminal.Clock.now
        pty.type("\u{1B}[200~abc")
        #expect(recorder.wait(count: 1) == [.paste("abc")])
        #expect(PseudoTerminal.Clock.now - began >= PasteCollector.idleTimeoutMilliseconds - 20)

        recorder.reset()
        pty.type("j")
        #expect(recorder.wait(count: 1) == [.key(.character("j"))])
    }

    @Test("a paste larger than the cap is cut at 64 KiB, and nothing after the cap leaks as keys")
    func largePaste() throws {
        let pty = try #require(PseudoTerminal(columns: 80, rows: 24))
        let (terminal, recorder) = recordingTerminal(pty)
        try terminal.start()
        defer { terminal.stop() }
        _ = pty.read(quiet: 50)

        let body = String(repeating: "abcdefg\r", count: 10 * 1024)  // 80 KiB
        pty.type("\u{1B}[200~" + body + "\u{1B}[201~q")
        let inputs = recorder.wait(count: 2, limit: 10_000)
        #expect(inputs.count == 2)
        if case .paste(let text) = inputs.first {
            #expect(text.utf8.count == PasteCollector.defaultLimit)
            #expect(body.hasPrefix(text))
        } else {
            Issue.record("expected a paste first, got \(inputs.first.map { "\($0)" } ?? "nothing")")
        }
        #expect(inputs.last == .key(.character("q")))
    }

    @Test("the crash reset sequence turns bracketed paste off")
    func resetSequenceEndsPaste() {
        #expect(CursesSession.resetSequence(mouse: false).contains(PasteCollector.disableSequence))
        #expect(CursesSession.resetSequence(mouse: true).contains(PasteCollector.disableSequence))
    }
}
