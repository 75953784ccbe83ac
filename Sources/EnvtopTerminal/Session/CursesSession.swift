#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses
import EnvtopCore

/// Everything that happens on the terminal thread: curses set-up, the poll loop, painting and
/// tear-down. Only this type calls curses (besides `TerminfoProbe` before start).
final class CursesSession: @unchecked Sendable {
    private let options: TerminalOptions
    private let requestedDepth: ColorDepth?
    private let logFile: String?
    private let initialTheme: Theme
    private let shared: Locked<TerminalSharedState>
    private let pipe: WakePipe
    private let onInput: @Sendable (TerminalInput) -> Void

    // Set up on the thread.
    private var screen: OpaquePointer?
    private var inputFile: UnsafeMutablePointer<FILE>?
    private var outputFile: UnsafeMutablePointer<FILE>?
    private var inputFD: Int32 = -1
    private var outputFD: Int32 = -1
    private var installedSignals: [Int32] = []
    private var captures: [StreamCapture] = []
    private var painter: CursesPainter?
    private var size = Size(width: 0, height: 0)
    private var latestFrame: Screen?
    private var lastPainted: Screen?
    private var inputOpen = true
    private var mouseEnabled = false
    /// Set once the terminal is restored; nothing touches curses afterwards.
    private var isTornDown = false

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
            let notified = SignalGuard.quitSignals + [SignalGuard.resizeSignal]
            _ = notified.withUnsafeBufferPointer { envtop_unblock_signals($0.baseAddress, Int32($0.count)) }
        }
        if options.capturesStandardStreams {
            for stream: Int32 in [1, 2] {
                guard let capture = StreamCapture.begin(stream: stream, logFile: logFile) else { continue }
                captures.append(capture)
                SignalGuard.setStream(stream, savedFD: capture.savedFD, replayFD: capture.isTemporary ? capture.targetFD : -1)
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
        mouseEnabled = envtop_tigetstr("kmous") != nil
        ExtraKeySequences.install(mouse: mouseEnabled)
        if mouseEnabled { writeToTerminal(MouseDecoder.enableSequence) }
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
    /// cursor, leave keypad mode, stop mouse reporting. From terminfo where it has the
    /// capability, so it suits the terminal.
    static func resetSequence(mouse: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        for name in ["rmcup", "sgr0", "cnorm", "rmkx"] {
            if let value = envtop_tigetstr(name) { bytes += Array(String(cString: value).utf8) }
        }
        if mouse { bytes += Array(MouseDecoder.disableSequence.utf8) }
        return bytes
    }

    // MARK: - Loop

    private func loop() {
        paintPending(force: true)
        var fds = [
            pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: pipe.readFD, events: Int16(POLLIN), revents: 0),
        ]
        while !isTornDown {
            fds[0].fd = inputOpen ? inputFD : -1
            fds[0].revents = 0
            fds[1].revents = 0
            let ready = poll(&fds, 2, -1)
            if ready < 0 && errno != EINTR { break }
            if fds[1].revents & Int16(POLLIN) != 0 { handleWakeBytes(pipe.drain()) }
            if fds[0].revents != 0 && !isTornDown {
                readInput(hangUp: fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0)
            }
            if isTornDown || !paintPending(force: false) { break }
        }
    }

    /// Hands one input to the app (on this thread).
    private func emit(_ input: TerminalInput) {
        guard !isTornDown else { return }
        onInput(input)
    }

    private func handleWakeBytes(_ bytes: [UInt8]) {
        var resized = false
        for byte in bytes where byte != WakePipe.wakeByte && !isTornDown {
            if Int32(byte) == SignalGuard.resizeSignal {
                resized = true
            } else {
                emit(.signal(Int32(byte)))
            }
        }
        if resized && !isTornDown { noteResize(askTerminal: true) }
    }

    /// Reads everything available (bounded), decoding as it goes.
    private func readInput(hangUp: Bool) {
        var value: wint_t = 0
        var count = 0
        for _ in 0..<4096 {
            if isTornDown { return }
            let status = wget_wch(envtop_stdscr(), &value)
            if status == envtop_err() { break }
            count += 1
            let raw: RawKeyInput = status == envtop_key_code_yes() ? .keyCode(Int32(bitPattern: UInt32(value))) : .character(UInt32(value))
            switch KeyDecoder.decode(raw) {
            case .key(let key):
                emit(.key(key))
            case .sgrMouse:
                if let body = readReport(until: { $0 == "M" || $0 == "m" }, maxCount: 24),
                    let mouse = MouseDecoder.decodeSGR(String(String.UnicodeScalarView(body)))
                {
                    emit(.mouse(mouse))
                }
            case .x10Mouse:
                if let bytes = readReport(until: nil, maxCount: 3),
                    let mouse = MouseDecoder.decodeX10(button: bytes[0].value, x: bytes[1].value, y: bytes[2].value)
                {
                    emit(.mouse(mouse))
                }
            case .resize:
                noteResize(askTerminal: false)
            case .ignored:
                break
            }
        }
        // The tty went away (hang-up) and nothing could be read: report it like SIGHUP, once,
        // and stop polling it so the loop does not spin.
        if hangUp && count == 0 && !isTornDown {
            inputOpen = false
            emit(.signal(SIGHUP))
        }
    }

    /// The rest of a mouse report after its prefix: up to the terminator (or exactly
    /// `maxCount` characters without one). Terminals send a report in one write, but a slow
    /// link can split it, so a missing tail is waited for briefly (at most 3 x 30 ms).
    private func readReport(until isTerminator: ((Unicode.Scalar) -> Bool)?, maxCount: Int) -> [Unicode.Scalar]? {
        var scalars: [Unicode.Scalar] = []
        var value: wint_t = 0
        var waits = 0
        while scalars.count < maxCount {
            let status = wget_wch(envtop_stdscr(), &value)
            if status == envtop_err() {
                guard waits < 3 else { return nil }
                waits += 1
                var fd = pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)
                _ = poll(&fd, 1, 30)
                continue
            }
            guard status != envtop_key_code_yes(), let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
            scalars.append(scalar)
            if let isTerminator, isTerminator(scalar) { return scalars }
        }
        return isTerminator == nil ? scalars : nil
    }

    /// Writes straight to the tty, for modes curses does not manage (mouse reporting).
    private func writeToTerminal(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(outputFD, $0.baseAddress, $0.count) }
    }

    /// A resize: from SIGWINCH (ask the tty, tell curses) or from curses' own KEY_RESIZE.
    private func noteResize(askTerminal: Bool) {
        guard !isTornDown else { return }
        if askTerminal, let actual = TerminalPreflight.windowSize(fd: outputFD), actual.width > 0, actual.height > 0 {
            if actual.width != Int(envtop_cols()) || actual.height != Int(envtop_lines()) {
                _ = resizeterm(Int32(actual.height), Int32(actual.width))
            }
        }
        let current = Size(width: Int(envtop_cols()), height: Int(envtop_lines()))
        guard current != size else { return }
        size = current
        shared.withLock { $0.size = current }
        // Repaint what we have at the new size now; the app sends a frame of the new size next.
        paint(full: true)
        emit(.resize(current))
    }

    /// Takes the shared requests and paints. Returns false when the loop must end.
    @discardableResult
    private func paintPending(force: Bool) -> Bool {
        let work = shared.withLock { $0.takeWork() }
        if work.stop { return false }
        var full = force || work.fullRepaint
        if let theme = work.theme {
            painter?.setTheme(theme)
            full = true
        }
        if let frame = work.frame { latestFrame = frame }
        if full || work.frame != nil { paint(full: full) }
        return true
    }

    private func paint(full: Bool) {
        guard let painter, !isTornDown else { return }
        let window = envtop_stdscr()
        if full {
            // erase(), not clear(): clear() would also clear on every later refresh; clearok
            // asks for one clean redraw on this flush only (curs_clear(3X)).
            _ = werase(window)
            _ = clearok(window, true)
            lastPainted = nil
        }
        guard let frame = latestFrame else {
            if full { flush(glyphs: 0, full: true) }
            return
        }
        let plan = PaintPlan(previous: lastPainted, next: frame, visible: size)
        lastPainted = frame
        if plan.isEmpty && !full { return }
        painter.paint(plan)
        flush(glyphs: plan.glyphCount, full: full)
    }

    private func flush(glyphs: Int, full: Bool) {
        _ = wnoutrefresh(envtop_stdscr())
        _ = doupdate()
        shared.withLock { state in
            state.statistics.frames += 1
            state.statistics.glyphs += glyphs
            if full { state.statistics.fullRepaints += 1 }
        }
    }

    // MARK: - Tear-down

    private func tearDown() {
        guard !isTornDown else { return }
        isTornDown = true
        _ = endwin()
        if mouseEnabled { writeToTerminal(MouseDecoder.disableSequence) }
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
