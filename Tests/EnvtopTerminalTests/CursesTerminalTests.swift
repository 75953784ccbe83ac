#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses
import EnvtopCore
import EnvtopUI
import Testing

@testable import EnvtopTerminal

/// The real terminal, driven through a pseudo-terminal. Serialized: curses is process-wide.
@Suite("CursesTerminal in a pty", .serialized)
struct CursesTerminalTests {
    @Test("paints the first frame, then only what changed; an unchanged frame costs nothing")
    func paintsOnlyChanges() throws {
        let pty = try #require(PseudoTerminal(columns: 80, rows: 24))
        let terminal = CursesTerminal(theme: .default, colorDepth: nil, logFile: nil, options: ptyOptions(pty)) { _ in }
        try terminal.start()
        defer { terminal.stop() }
        #expect(terminal.size == Size(width: 80, height: 24))
        #expect(terminal.colorDepth == .indexed256)

        let frame = sampleFrame(size: terminal.size)
        terminal.present(frame)
        let first = pty.read(until: { $0.contains("session_4") })
        #expect(first.contains("envtop  env_demo"))
        #expect(setsColor(first))

        terminal.present(frame)
        #expect(eventually { terminal.statistics.presented == 2 })
        let unchanged = pty.read(quiet: 100)
        #expect(unchanged.isEmpty)

        terminal.present(sampleFrame(size: terminal.size, clock: "12:00:01"))
        #expect(eventually { terminal.statistics.presented == 3 })
        let clock = pty.read(until: { $0.contains("1") })
        #expect(clock.count <= 100, "clock tick wrote \(clock.count) bytes: \(clock.text.debugDescription)")
        #expect(!clock.contains("\u{1B}[2J"))
        #expect(terminal.statistics.fullRepaints == 1)
    }

    @Test("keys and mouse events arrive decoded, in order")
    func input() throws {
        let pty = try #require(PseudoTerminal(columns: 80, rows: 24))
        let (terminal, recorder) = recordingTerminal(pty)
        try terminal.start()
        defer { terminal.stop() }
        _ = pty.read(quiet: 50)

        pty.type("\u{1B}OBx\u{3}\u{1B}[5~\u{1B}OPé\r")
        let keys = recorder.wait(count: 7)
        #expect(keys == [
            .key(.down), .key(.character("x")), .key(.control("c")), .key(.pageUp), .key(.function(1)),
            .key(.character("é")), .key(.enter),
        ])

        recorder.reset()
        pty.type("\u{1B}[B\u{1B}[A\u{1B}[H\u{1B}[F\u{1B}[3~\u{1B}[Z")
        #expect(recorder.wait(count: 6) == [.key(.down), .key(.up), .key(.home), .key(.end), .key(.delete), .key(.backTab)])

        recorder.reset()
        pty.type("\u{1B}")
        #expect(recorder.wait(count: 1, limit: 1000) == [.key(.escape)])

        // A click, its release, a key and two wheel steps in one read (as a slow link
        // delivers them): nothing is lost or merged.
        recorder.reset()
        pty.type("\u{1B}[<0;5;3M\u{1B}[<0;5;3mj\u{1B}[<64;10;7M\u{1B}[<65;10;7M")
        #expect(recorder.wait(count: 4) == [
            .mouse(MouseEvent(kind: .press, x: 4, y: 2)), .key(.character("j")),
            .mouse(MouseEvent(kind: .wheelUp, x: 9, y: 6)), .mouse(MouseEvent(kind: .wheelDown, x: 9, y: 6)),
        ])

        // A report split across two reads is put back together.
        recorder.reset()
        pty.type("\u{1B}[<0;12")
        usleep(10_000)
        pty.type(";4M")
        #expect(recorder.wait(count: 1) == [.mouse(MouseEvent(kind: .press, x: 11, y: 3))])
    }

    @Test("mouse: off: no mouse reporting is asked for, so a plain drag selects text; paste stays on")
    func mouseOff() throws {
        let pty = try #require(PseudoTerminal(columns: 80, rows: 24))
        var options = ptyOptions(pty)
        options.mouse = false
        let terminal = CursesTerminal(theme: .default, colorDepth: nil, logFile: nil, options: options) { _ in }
        try terminal.start()
        terminal.present(sampleFrame(size: terminal.size))
        let painted = pty.read(until: { $0.contains("session_4") })
        #expect(!painted.contains(MouseDecoder.enableSequence))
        #expect(painted.contains(PasteCollector.enableSequence))
        terminal.stop()
    }

    @Test("stop restores the terminal modes and leaves the alternate screen; it is idempotent")
    func restores() throws {
        let pty = try #require(PseudoTerminal(columns: 80, rows: 24))
        let before = pty.modes()
        let terminal = CursesTerminal(theme: .default, colorDepth: nil, logFile: nil, options: ptyOptions(pty)) { _ in }
        try terminal.start()
        terminal.present(sampleFrame(size: terminal.size))
        let painted = pty.read(until: { $0.contains("session_4") })
        #expect(painted.contains("\u{1B}[?1049h"))
        #expect(painted.contains(MouseDecoder.enableSequence))
        #expect(painted.contains(PasteCollector.enableSequence))
        let during = pty.modes()
        #expect(during.c_lflag & tcflag_t(ICANON | ECHO | ISIG) == 0)

        terminal.stop()
        terminal.stop()
        terminal.present(sampleFrame(size: terminal.size))
        let after = pty.modes()
        #expect(after.c_lflag == before.c_lflag)
        #expect(after.c_iflag == before.c_iflag)
        #expect(after.c_oflag == before.c_oflag)
        let restore = pty.read(quiet: 100)
        #expect(restore.contains("\u{1B}[?1049l"))
        #expect(restore.contains("\u{1B}[?25h"))
        #expect(restore.contains(MouseDecoder.disableSequence))
        #expect(restore.contains(PasteCollector.disableSequence))
        #expect(!restore.contains("session_4"))
    }

    @Test("stop() from inside the key handler restores the terminal before it returns")
    func stopFromKeyHandler() throws {
        let pty = try #require(PseudoTerminal(columns: 80, rows: 24))
        let before = pty.modes()
        let box = Locked<CursesTerminal?>(nil)
        let restoredInCallback = Locked<Bool?>(nil)
        let terminal = CursesTerminal(theme: .default, colorDepth: nil, logFile: nil, options: ptyOptions(pty)) { input in
            guard input == .key(.character("q")), let terminal = box.withLock({ $0 }) else { return }
            terminal.stop()
            let now = pty.modes()
            restoredInCallback.withLock { $0 = now.c_lflag == before.c_lflag && now.c_iflag == before.c_iflag }
        }
        box.withLock { $0 = terminal }
        defer { box.withLock { $0 = nil } }
        try terminal.start()
        terminal.present(sampleFrame(size: terminal.size))
        _ = pty.read(until: { $0.contains("session_4") })
        pty.type("qj")
        #expect(eventually { restoredInCallback.withLock { $0 } != nil })
        #expect(restoredInCallback.withLock { $0 } == true)
        #expect(pty.read(until: { $0.contains("\u{1B}[?1049l") }).contains("\u{1B}[?1049l"))
        terminal.stop()
    }

    @Test("NO_COLOR and colourless terminals get attributes only", arguments: [
        ("xterm-256color", ["NO_COLOR": "1"], ColorDepth.none),
        ("vt100", [:], .none),
        ("xterm", [:], .ansi8),
        ("xterm-256color", [:], .indexed256),
    ])
    func colorDepth(term: String, environment: [String: String], expected: ColorDepth) throws {
        let pty = try #require(PseudoTerminal(columns: 80, rows: 24))
        let terminal = CursesTerminal(
            theme: .default, colorDepth: nil, logFile: nil, options: ptyOptions(pty, term: term, environment: environment)
        ) { _ in }
        try terminal.start()
        defer { terminal.stop() }
        #expect(terminal.colorDepth == expected)
        terminal.present(sampleFrame(size: terminal.size))
        let bytes = pty.read(until: { $0.contains("session_4") })
        #expect(bytes.contains("session_4"))
        #expect(setsColor(bytes) == (expected != .none))
        // Attributes survive without colour: the default theme's header and selection are bold.
        #expect(sgrParameters(bytes).contains { $0.contains(1) } || bytes.contains("\u{1B}[1m"))
    }

    @Test("a resize arrives as input, and the terminal follows the new size")
    func resize() throws {
        let pty = try #require(PseudoTerminal(columns: 80, rows: 24))
        let recorder = InputRecorder()
        var options = ptyOptions(pty)
        options.handlesSignals = true
        let terminal = CursesTerminal(theme: .default, colorDepth: nil, logFile: nil, options: options) {
            recorder.record($0)
        }
        try terminal.start()
        defer { terminal.stop() }
        terminal.present(sampleFrame(size: terminal.size))
        _ = pty.read(until: { $0.contains("session_4") })

        pty.resize(columns: 100, rows: 30)
        kill(getpid(), SIGWINCH)  // process-directed, as the kernel sends it
        #expect(recorder.wait(count: 1) == [.resize(Size(width: 100, height: 30))])
        #expect(terminal.size == Size(width: 100, height: 30))
        // The last frame was repainted at once, from scratch, at the new size.
        #expect(eventually { terminal.statistics.fullRepaints == 2 })
    }

    @Test("quit signals arrive as input while the terminal is up, and are given back on stop")
    func quitSignals() throws {
        let pty = try #require(PseudoTerminal(columns: 80, rows: 24))
        let recorder = InputRecorder()
        var options = ptyOptions(pty)
        options.handlesSignals = true
        let previous = envtop_signal_handler_address(SIGHUP)
        let terminal = CursesTerminal(theme: .default, colorDepth: nil, logFile: nil, options: options) {
            recorder.record($0)
        }
        try terminal.start()
        for signal in [SIGHUP, SIGTERM, SIGQUIT, SIGINT] {
            // Never raise a signal without a handler in place: it would end the test process.
            try #require(envtop_signal_handler_address(signal) > 1)
        }
        kill(getpid(), SIGHUP)
        #expect(recorder.wait(count: 1) == [.signal(SIGHUP)])
        kill(getpid(), SIGTERM)
        #expect(recorder.wait(count: 2) == [.signal(SIGHUP), .signal(SIGTERM)])
        terminal.stop()
        #expect(envtop_signal_handler_address(SIGHUP) == previous)
    }

    @Test("frames presented faster than they are painted coalesce to the newest")
    func coalescing() throws {
        let pty = try #require(PseudoTerminal(columns: 80, rows: 24))
        let terminal = CursesTerminal(theme: .default, colorDepth: nil, logFile: nil, options: ptyOptions(pty)) { _ in }
        try terminal.start()
        defer { terminal.stop() }
        for second in 0..<50 {
            terminal.present(sampleFrame(size: terminal.size, clock: String(format2(second))))
        }
        #expect(eventually {
            let stats = terminal.statistics
            return stats.presented + stats.coalesced == 50
        })
        let bytes = pty.read(quiet: 100)
        #expect(bytes.contains("session_4"))
        #expect(terminal.statistics.frames <= terminal.statistics.presented + 1)
    }

    @Test("wide characters and emoji reach the terminal intact")
    func wideCharacters() throws {
        let pty = try #require(PseudoTerminal(columns: 40, rows: 10))
        let terminal = CursesTerminal(theme: .default, colorDepth: nil, logFile: nil, options: ptyOptions(pty)) { _ in }
        try terminal.start()
        defer { terminal.stop() }
        var frame = Screen(size: terminal.size)
        frame.write("日本語 naïve ❤️ end", x: 0, y: 1)
        terminal.present(frame)
        let bytes = pty.read(until: { $0.contains("end") })
        #expect(bytes.contains("日本語"))
        #expect(bytes.contains("naïve"))
        #expect(bytes.contains("❤"))
    }

    @Test("a theme change and ctrl-l repaint everything once")
    func fullRepaints() throws {
        let pty = try #require(PseudoTerminal(columns: 80, rows: 24))
        let terminal = CursesTerminal(theme: .default, colorDepth: nil, logFile: nil, options: ptyOptions(pty)) { _ in }
        try terminal.start()
        defer { terminal.stop() }
        terminal.present(sampleFrame(size: terminal.size))
        _ = pty.read(until: { $0.contains("session_4") })

        terminal.setTheme(.monochrome)
        #expect(eventually { terminal.statistics.fullRepaints == 2 })
        let themed = pty.read(until: { $0.contains("session_4") })
        #expect(themed.contains("\u{1B}[2J"))
        #expect(!setsColor(themed))

        terminal.forceFullRepaint()
        #expect(eventually { terminal.statistics.fullRepaints == 3 })
        #expect(pty.read(until: { $0.contains("session_4") }).contains("session_4"))
    }

    @Test("start fails plainly without a tty, with an unknown TERM, and when started twice")
    func startFailures() throws {
        var fds: [Int32] = [-1, -1]
        try #require(pipe(&fds) == 0)
        defer { fds.forEach { close($0) } }
        var options = TerminalOptions()
        options.inputFD = fds[0]
        options.outputFD = fds[1]
        options.handlesSignals = false
        options.capturesStandardStreams = false
        let piped = CursesTerminal(theme: .default, colorDepth: nil, logFile: nil, options: options) { _ in }
        #expect(throws: TerminalError.notATerminal) { try piped.start() }

        let pty = try #require(PseudoTerminal(columns: 80, rows: 24))
        let unknown = CursesTerminal(theme: .default, colorDepth: nil, logFile: nil, options: ptyOptions(pty, term: "no-such-terminal")) { _ in }
        #expect(throws: TerminalError.unusableTerm("no-such-terminal")) { try unknown.start() }
        #expect(pty.read(quiet: 50).isEmpty)

        let twice = CursesTerminal(theme: .default, colorDepth: nil, logFile: nil, options: ptyOptions(pty)) { _ in }
        try twice.start()
        defer { twice.stop() }
        #expect(throws: TerminalError.self) { try twice.start() }
    }

    private func format2(_ second: Int) -> String {
        "12:00:" + (second < 10 ? "0\(second)" : "\(second)")
    }
}
