#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses
import EnvtopCore
import EnvtopUI

/// Everything that happens on the terminal thread: curses set-up, the poll loop, painting and
/// tear-down. Only this type calls curses (besides `TerminfoProbe` before start).
final class CursesSession: @unchecked Sendable {
    private let options: TerminalOptions
    private let requestedDepth: ColorDepth?
    private let logFile: String?
    private let initialTheme: Theme
    let shared: Locked<TerminalSharedState>
    let pipe: WakePipe
    let onInput: @Sendable (TerminalInput) -> Void

    // Set up on the thread; the input and paint extensions use them too.
    private var screen: OpaquePointer?
    private var inputFile: UnsafeMutablePointer<FILE>?
    private var outputFile: UnsafeMutablePointer<FILE>?
    var inputFD: Int32 = -1
    var outputFD: Int32 = -1
    private var installedSignals: [Int32] = []
    private var captures: [StreamCapture] = []
    var painter: CursesPainter?
    var size = Size(width: 0, height: 0)
    var latestFrame: Screen?
    var lastPainted: Screen?
    var inputOpen = true
    /// Input curses may still hold after a bounded read stopped early: read again without
    /// waiting for the tty to become readable.
    var inputBacklog = false
    /// The bracketed paste being collected, between its start and end markers.
    var paste: PasteCollector?
    /// When an open paste without more input is ended anyway (monotonic milliseconds).
    var pasteDeadline = 0
    private(set) var mouseEnabled = false
    /// Set once the terminal is restored; nothing touches curses afterwards.
    var isTornDown = false

    init(
        options: TerminalOptions, requestedDepth: ColorDepth?, logFile: String?, initialTheme: Theme,
        shared: Locked<TerminalSharedState>, pipe: WakePipe, onInput: @escaping @Sendable (TerminalInput) -> Void
    ) {
        self.options = options
        self.requestedDepth = requestedDepth
        self.logFile = logFile
        self.initialTheme = initialTheme
        self.shared = shared
        self.pipe = pipe
        self.onInput = onInput
    }

    /// The thread body: set up, report to `start()`, loop until stopped, restore.
    func run(reportingTo started: OneShot<Result<Void, TerminalError>>) {
        switch setUp() {
        case .failure(let error):
            started.set(.failure(error))
            return
        case .success:
            started.set(.success(()))
        }
        loop()
        tearDown()
    }

    /// `stop()` called from inside `onInput` (this thread): restore the terminal right now, so
    /// an app that quits from its key handler never leaves it broken. The loop then unwinds
    /// without touching curses.
    func tearDownFromCallback() {
        tearDown()
    }

    // MARK: - Set-up

    private func setUp() -> Result<Void, TerminalError> {
        let environment = options.environment ?? ProcessEnvironment.current()
        Self.selectLocale()
        let baseTerm = options.term ?? environment["TERM"] ?? ""
        guard !baseTerm.isEmpty else { return .failure(.unusableTerm("")) }
        let term = TermSelection.resolve(
            term: baseTerm, colorTerm: environment["COLORTERM"],
            themeWantsDirectColor: initialTheme.usesColorsBeyondANSI,
            exists: { TerminfoProbe.entry(for: $0, fd: self.options.outputFD) != nil })

        inputFD = dup(options.inputFD)
        outputFD = dup(options.outputFD)
        guard inputFD >= 0, outputFD >= 0 else {
            closeDescriptors()
            return .failure(.startFailed("could not duplicate the terminal descriptors (errno \(errno))"))
        }
        _ = fcntl(inputFD, F_SETFD, FD_CLOEXEC)
        _ = fcntl(outputFD, F_SETFD, FD_CLOEXEC)
        SignalGuard.saveTerminalModes(fd: outputFD)
        if options.handlesSignals {
            // Before newterm: with SIGWINCH already handled, ncurses does not install its own.
            installedSignals = SignalGuard.installNotifications(wakeFD: pipe.writeFD) + SignalGuard.installCrashHandlers()
            let notified = SignalGuard.quitSignals + [SignalGuard.resizeSignal] + SignalGuard.jobSignals
            _ = notified.withUnsafeBufferPointer { envtop_unblock_signals($0.baseAddress, Int32($0.count)) }
        }
        if options.capturesStandardStreams {
            for stream: Int32 in [1, 2] {
                guard let capture = StreamCapture.begin(stream: stream, logFile: logFile) else { continue }
                captures.append(capture)
                SignalGuard.setStream(stream, savedFD: capture.savedFD, replayFD: capture.isTemporary ? capture.targetFD : -1)
                if stream == 2, !capture.isTemporary, let logFile { SignalGuard.setCrashNote(logFile: logFile) }
            }
        }
        inputFile = fdopen(inputFD, "r")
        outputFile = fdopen(outputFD, "w")
        guard inputFile != nil, outputFile != nil else {
            undoSetUp()
            return .failure(.startFailed("could not open the terminal streams (errno \(errno))"))
        }
        // The real window size (TIOCGWINSZ) wins over LINES/COLUMNS left in the environment.
        use_tioctl(true)
        guard let screen = newterm(term, outputFile, inputFile) else {
            undoSetUp()
            return .failure(.unusableTerm(term))
        }
        self.screen = screen
        _ = set_term(screen)
        configureCurses()
        let depth = configureColors(environment: environment)
        // Mouse only where terminfo says the terminal reports it (kmous); see MouseDecoder.
        // Bracketed paste everywhere: terminals without it ignore the private mode.
        mouseEnabled = options.mouse && envtop_tigetstr("kmous") != nil
        ExtraKeySequences.install(mouse: mouseEnabled)
        writeToTerminal((mouseEnabled ? MouseDecoder.enableSequence : "") + PasteCollector.enableSequence)
        SignalGuard.setResetSequence(Self.resetSequence(mouse: mouseEnabled))
        size = Size(width: Int(envtop_cols()), height: Int(envtop_lines()))
        shared.withLock { state in
            state.phase = .running
            state.size = size
            state.colorDepth = depth
        }
        return .success(())
    }

    /// LC_CTYPE from the environment (not LC_ALL: number formats of other C code stay "C").
    /// A plain C/POSIX locale would make curses treat every non-ASCII character as
    /// unprintable, and that is almost always a misconfigured session on a UTF-8 terminal,
    /// so C.UTF-8 is used instead.
    private static func selectLocale() {
        _ = setlocale(LC_CTYPE, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset == "ANSI_X3.4-1968" || codeset == "US-ASCII" {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "C.utf8") }
        }
    }

    private func configureCurses() {
        let window = envtop_stdscr()
        _ = raw()  // ctrl-c, ctrl-z, ctrl-s arrive as keys: quitting is the app's decision
        _ = noecho()
        _ = nonl()
        _ = intrflush(window, false)
        _ = keypad(window, true)
        _ = nodelay(window, true)  // poll() decides when to read; reads never block
        _ = leaveok(window, true)  // the cursor is hidden: never spend bytes moving it back
        _ = curs_set(0)
        _ = set_escdelay(options.escapeDelayMilliseconds)
        _ = typeahead(-1)  // finish every frame; input is read right after anyway
    }

    private func configureColors(environment: [String: String]) -> ColorDepth {
        let hasColors = has_colors()
        let maxColors = Int(tigetnum("colors"))
        let depth = ColorDepth.effective(
            requested: requestedDepth, environment: environment, hasColors: hasColors, colors: maxColors)
        var defaults = true
        var capacity = 1
        if depth != .none {
            _ = start_color()
            // -1 then means the terminal's own colours (its background stays visible).
            defaults = use_default_colors() == envtop_ok()
            capacity = Int(envtop_color_pairs())
        }
        painter = CursesPainter(
            theme: initialTheme, mapper: ColorMapper(depth: depth, supportsDefaultColors: defaults),
            pairCapacity: capacity)
        return depth
    }

    /// What the crash handler writes: leave the alternate screen, reset attributes, show the
    /// cursor, leave keypad mode, stop mouse reporting and bracketed paste. From terminfo
    /// where it has the capability, so it suits the terminal.
    static func resetSequence(mouse: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        for name in ["rmcup", "sgr0", "cnorm", "rmkx"] {
            if let value = envtop_tigetstr(name) { bytes += Array(String(cString: value).utf8) }
        }
        if mouse { bytes += Array(MouseDecoder.disableSequence.utf8) }
        bytes += Array(PasteCollector.disableSequence.utf8)
        return bytes
    }

    /// Writes straight to the tty, for modes curses does not manage (mouse reporting,
    /// bracketed paste).
    func writeToTerminal(_ text: String) {
        writeToTerminal(Array(text.utf8))
    }

    /// Writes bytes straight to the tty, after curses flushed its own (`.write`, `.bell`, modes).
    func writeToTerminal(_ bytes: [UInt8]) {
        guard outputFD >= 0 else { return }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(outputFD, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    // MARK: - Tear-down

    private func tearDown() {
        guard !isTornDown else { return }
        isTornDown = true
        paste = nil
        _ = endwin()
        writeToTerminal((mouseEnabled ? MouseDecoder.disableSequence : "") + PasteCollector.disableSequence)
        SignalGuard.restoreTerminalModes()
        if let screen { delscreen(screen) }
        screen = nil
        undoSetUp()
        shared.withLock { $0.phase = .stopped }
    }

    /// Undoes everything but curses itself, in reverse order; safe after a partial set-up.
    private func undoSetUp() {
        // Signals first: the crash handler must not touch descriptors closed below.
        SignalGuard.uninstall(installedSignals)
        installedSignals = []
        if let file = inputFile {
            fclose(file)
            inputFD = -1
        }
        if let file = outputFile {
            fclose(file)
            outputFD = -1
        }
        inputFile = nil
        outputFile = nil
        closeDescriptors()
        for capture in captures.reversed() { capture.end() }
        captures = []
    }

    private func closeDescriptors() {
        if inputFD >= 0 { close(inputFD) }
        if outputFD >= 0 { close(outputFD) }
        inputFD = -1
        outputFD = -1
    }
}
