#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EnvtopCore
import Foundation
import EnvtopUI
import Testing

@testable import EnvtopTerminal

/// Raw writes and the bell through a real pty. In `CursesTerminalTests` (serialized: curses is
/// process-wide).
extension CursesTerminalTests {
    @Test("bell writes BEL and write sends its bytes, each after the frame sent before it")
    func bellAndWrite() throws {
        let pty = try #require(PseudoTerminal(columns: 80, rows: 24))
        let terminal = CursesTerminal(theme: .default, colorDepth: nil, logFile: nil, options: ptyOptions(pty)) { _ in }
        try terminal.start()
        defer { terminal.stop() }
        terminal.present(sampleFrame(size: terminal.size))
        _ = pty.read(until: { $0.contains("session_4") })

        terminal.send(.bell)
        let bell = pty.read(until: { bytes in bytes.contains(where: { $0 == 0x07 }) })
        #expect(bell.contains(where: { $0 == 0x07 }))

        // OSC 52 (set the clipboard), the use `write` is for.
        let osc52 = "\u{1B}]52;c;aGVsbG8=\u{07}"
        terminal.present(sampleFrame(size: terminal.size, rows: 6))
        terminal.send(.write(Array(osc52.utf8)))
        terminal.send(.bell)
        let bytes = pty.read(until: { bytes in bytes.contains(osc52) && bytes.count(where: { $0 == 0x07 }) >= 2 })
        let text = bytes.text
        let frameAt = try #require(text.range(of: "session_5"))
        let writeAt = try #require(text.range(of: osc52))
        #expect(frameAt.upperBound <= writeAt.lowerBound)
        #expect(text[writeAt.upperBound...].contains("\u{07}"))
    }
}
