#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EnvtopCore
import EnvtopUI

/// The ncurses screen, driven from one dedicated thread.
///
/// Every curses call happens on that thread (ncurses is not thread-safe). It sleeps in
/// `poll()` on the tty and a self-pipe, so idle costs no CPU, and wakes at once when a key
/// arrives or the app sends a `TerminalCommand`. Commands wait in one queue and are carried out
/// in the order sent; a frame replaces a frame still waiting. Keys go to `onInput` as soon as
/// they are read; network work never runs here, so keys answer while the API is slow.
///
/// The terminal is restored on every way out: `stop()` (also from `deinit`), quit signals
/// (reported as `.signal` so the app exits through `stop()`), and crash signals (a C handler
/// writes the reset sequence, restores termios and re-raises). While the screen is up,
/// stdout and stderr point at the log file (or a temporary file replayed on stop).
public final class CursesTerminal: @unchecked Sendable {
    private let options: TerminalOptions
    private let initialTheme: Theme
    private let requestedDepth: ColorDepth?
    private let logFile: String?
    private let onInput: @Sendable (TerminalInput) -> Void
    private let shared: Locked<TerminalSharedState>
    private let control = Locked<Control>(Control())

    private struct Control {
        var thread: pthread_t?
        var pipe: WakePipe?
        var session: CursesSession?
    }

    /// - Parameters:
    ///   - theme: the look to start with.
    ///   - colorDepth: nil detects it (`NO_COLOR` then means `.none`); a value is used as asked,
    ///     clamped to what the terminal can show.
    ///   - logFile: where stdout/stderr go while the screen is up; nil uses a temporary file
    ///     whose content is printed after the screen is restored.
    ///   - options: the tty and process-wide behaviour (defaults: stdin/stdout, signals, capture).
    ///   - onInput: called on the terminal thread for every key, click, resize and quit signal.
    ///     Return quickly: painting waits while it runs.
    public init(
        theme: Theme, colorDepth: ColorDepth?, logFile: String?, options: TerminalOptions = .standard,
        onInput: @escaping @Sendable (TerminalInput) -> Void
    ) {
        self.options = options
        self.initialTheme = theme
        self.requestedDepth = colorDepth
        self.logFile = logFile
        self.onInput = onInput
        let size = TerminalPreflight.windowSize(fd: options.outputFD) ?? Size(width: 80, height: 24)
        self.shared = Locked(TerminalSharedState(size: size))
    }

    deinit {
        stop()
    }

    /// Enters curses on the terminal thread and starts reading input.
    ///
    /// - Throws: `.notATerminal` when the descriptors are not ttys, `.unusableTerm` when curses
    ///   cannot drive TERM, `.startFailed` when already started or curses fails otherwise.
    public func start() throws(TerminalError) {
        let canStart = shared.withLock { state -> Bool in
            guard state.phase == .idle, !state.stopRequested else { return false }
            state.phase = .starting
            return true
        }
        guard canStart else { throw .startFailed("the terminal was already started or stopped") }
        guard isatty(options.inputFD) == 1, isatty(options.outputFD) == 1 else {
            shared.withLock { $0.phase = .idle }
            throw .notATerminal
        }
        guard let pipe = WakePipe() else {
            shared.withLock { $0.phase = .idle }
            throw .startFailed("could not create the wake pipe (errno \(errno))")
        }
        let theme = shared.withLock { $0.queue.latestTheme } ?? initialTheme
        let session = CursesSession(
            options: options, requestedDepth: requestedDepth, logFile: logFile, initialTheme: theme,
            shared: shared, pipe: pipe, onInput: onInput)
        let started = OneShot<Result<Void, TerminalError>>()
        control.withLock {
            $0.pipe = pipe
            $0.session = session
        }
        guard let thread = Self.spawn({ session.run(reportingTo: started) }) else {
            control.withLock { $0.pipe = nil }
            shared.withLock { $0.phase = .idle }
            throw .startFailed("could not start the terminal thread")
        }
        switch started.wait() {
        case .success:
            control.withLock { $0.thread = thread }
        case .failure(let error):
            pthread_join(thread, nil)
            control.withLock {
                $0.pipe = nil
                $0.session = nil
            }
            shared.withLock {
                $0.phase = .idle
                $0.wakePending = false
            }
            throw error
        }
    }

    /// The current size in cells; follows resizes.
    public var size: Size { shared.withLock { $0.size } }

    /// The colour depth in use (nil before `start()`).
    public var colorDepth: ColorDepth? { shared.withLock { $0.colorDepth } }

    /// What has been painted so far.
    public var statistics: PaintStatistics { shared.withLock { $0.statistics } }

    /// Queues `command` for the terminal thread and returns at once (`.stop` waits, see `stop()`).
    /// Commands are carried out in the order sent; a frame replaces a frame not yet painted, and
    /// only changed cells reach the terminal.
    public func send(_ command: TerminalCommand) {
        if case .stop = command { return stop() }
        if shared.withLock({ $0.enqueue(command) }) { wake() }
    }

    /// Shows `screen` (`send(.present(screen))`).
    public func present(_ screen: Screen) {
        send(.present(screen))
    }

    /// Changes the look (`send(.setTheme(theme))`).
    public func setTheme(_ theme: Theme) {
        send(.setTheme(theme))
    }

    /// Clears the terminal and repaints the last frame from scratch (`send(.repaint)`).
    public func forceFullRepaint() {
        send(.repaint)
    }

    /// Restores the terminal and ends the thread, after the commands sent before it (a frame
    /// still waiting is not painted). When it returns, the terminal is restored, from any thread,
    /// including from inside `onInput` (then the thread ends right after the callback returns).
    /// Idempotent.
    public func stop() {
        _ = shared.withLock { $0.enqueue(.stop) }
        let (thread, pipe, session) = control.withLock { control -> (pthread_t?, WakePipe?, CursesSession?) in
            defer {
                control.thread = nil
                control.session = nil
            }
            return (control.thread, control.pipe, control.session)
        }
        pipe?.wake()
        guard let thread else { return }
        if pthread_equal(thread, pthread_self()) != 0 {
            session?.tearDownFromCallback()
            pthread_detach(thread)
            return
        }
        pthread_join(thread, nil)
    }

    private func wake() {
        control.withLock { $0.pipe }?.wake()
    }

    /// Runs `body` on a new pthread (not a Swift concurrency thread: it blocks in poll).
    private static func spawn(_ body: @escaping @Sendable () -> Void) -> pthread_t? {
        final class Box {
            let body: @Sendable () -> Void
            init(_ body: @escaping @Sendable () -> Void) { self.body = body }
        }
        let context = Unmanaged.passRetained(Box(body)).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let status = pthread_create(&thread, nil, { raw in
            guard let raw else { return nil }
            Unmanaged<Box>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<Box>.fromOpaque(context).release()
            return nil
        }
        return thread
    }
}
