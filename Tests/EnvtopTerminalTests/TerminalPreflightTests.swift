#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EnvtopCore
import EnvtopUI
import Testing

@testable import EnvtopTerminal

// In the serialized pty suite: the terminfo probe uses curses' process-wide state.
extension CursesTerminalTests {
    @Test("preflight: a pipe is not a terminal")
    func preflightPipe() throws {
        var fds: [Int32] = [-1, -1]
        try #require(pipe(&fds) == 0)
        defer { fds.forEach { close($0) } }
        #expect(TerminalPreflight.check(input: fds[0], output: fds[1], environment: ["TERM": "xterm-256color"]) == .notATerminal)
        let pty = try #require(PseudoTerminal(columns: 80, rows: 24))
        #expect(TerminalPreflight.check(input: fds[0], output: pty.secondary, environment: ["TERM": "xterm-256color"]) == .notATerminal)
        #expect(TerminalPreflight.check(input: pty.secondary, output: fds[1], environment: ["TERM": "xterm-256color"]) == .notATerminal)
    }

    @Test("preflight: TERM must be set, known to terminfo, and able to place the cursor", arguments: [
        ([String: String](), TerminalError.unusableTerm("")),
        (["TERM": ""], .unusableTerm("")),
        (["TERM": "no-such-terminal"], .unusableTerm("no-such-terminal")),
        (["TERM": "dumb"], .unusableTerm("dumb")),
    ])
    func preflightTerm(environment: [String: String], expected: TerminalError) throws {
        let pty = try #require(PseudoTerminal(columns: 80, rows: 24))
        #expect(TerminalPreflight.check(input: pty.secondary, output: pty.secondary, environment: environment) == expected)
    }

    @Test("preflight: a window below the minimum is too small; at the minimum it is fine")
    func preflightSize() throws {
        let pty = try #require(PseudoTerminal(columns: 30, rows: 8))
        let environment = ["TERM": "xterm-256color"]
        let minimum = TerminalPreflight.defaultMinimumSize
        #expect(TerminalPreflight.check(input: pty.secondary, output: pty.secondary, environment: environment)
            == .tooSmall(Size(width: 30, height: 8), minimum: minimum))
        pty.resize(columns: minimum.width, rows: minimum.height)
        #expect(TerminalPreflight.check(input: pty.secondary, output: pty.secondary, environment: environment) == nil)
        pty.resize(columns: 200, rows: 9)
        #expect(TerminalPreflight.check(input: pty.secondary, output: pty.secondary, environment: environment) != nil)
    }

    @Test("preflight: a usable terminal passes, and the probe leaves no terminfo state behind")
    func preflightOK() throws {
        let pty = try #require(PseudoTerminal(columns: 80, rows: 24))
        #expect(TerminalPreflight.check(input: pty.secondary, output: pty.secondary, environment: ["TERM": "xterm-256color"]) == nil)
        #expect(TerminfoProbe.entry(for: "xterm-256color")?.colors == 256)
        #expect(TerminfoProbe.entry(for: "xterm")?.colors == 8)
        #expect(TerminfoProbe.entry(for: "dumb")?.canAddressCursor == false)
        #expect(TerminfoProbe.entry(for: "no-such-terminal") == nil)
    }
}

@Suite("TerminalError")
struct TerminalErrorTests {
    @Test("every error says what to do, in plain words")
    func descriptions() {
        #expect(TerminalError.notATerminal.description.contains("TTY"))
        #expect(TerminalError.unusableTerm("").description.contains("export TERM=xterm-256color"))
        #expect(TerminalError.unusableTerm("foo").description.contains("TERM=foo is not in the terminfo database"))
        #expect(TerminalError.tooSmall(Size(width: 30, height: 8), minimum: Size(width: 40, height: 10)).description
            .contains("30x8 but envtop needs at least 40x10"))
    }

    @Test("a hostile TERM cannot put escape sequences into the message")
    func hostileTerm() {
        let text = TerminalError.unusableTerm("x\u{1B}]0;pwned\u{7}").description
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{7}"))
    }
}
