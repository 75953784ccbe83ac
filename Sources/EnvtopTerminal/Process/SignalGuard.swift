#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses

/// The process-wide signal side of a terminal session; the handlers themselves are C in
/// `shim.h` because only async-signal-safe work may happen in them.
///
/// Every call into the `envtop_guard_*` shim functions is in this file: their state is
/// `static` in the header, and each Swift file gets its own copy of a header's statics in a
/// debug build, so they must all be reached from one place.
enum SignalGuard {
    /// Signals that ask the app to quit; they arrive as `TerminalInput.signal`.
    static let quitSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]
    /// Signals that end the process; the handler restores the terminal and re-raises.
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]
    /// The window changed size; handled on the terminal thread (ncurses then sees no SIGWINCH
    /// of its own, so the thread calls `resizeterm`).
    static let resizeSignal: Int32 = SIGWINCH
    /// Job control: a stop asked from outside (`kill -TSTP`), and the continue after any stop.
    static let jobSignals: [Int32] = [SIGTSTP, SIGCONT]

    /// Saves the tty's termios before curses changes it.
    static func saveTerminalModes(fd: Int32) {
        envtop_guard_save_termios(fd)
    }

    /// Puts the saved termios back (after `endwin`, in case curses missed something).
    @discardableResult
    static func restoreTerminalModes() -> Bool {
        envtop_guard_restore_termios() == 0
    }

    /// The bytes the crash handler writes to undo curses' modes.
    static func setResetSequence(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { envtop_guard_set_reset($0.baseAddress, $0.count) }
        }
    }

    /// Where a captured standard stream really goes, for the crash handler to give it back.
    static func setStream(_ stream: Int32, savedFD: Int32, replayFD: Int32) {
        envtop_guard_set_stream(stream, savedFD, replayFD)
    }

    /// What the crash handler says on the terminal when standard error (and so the runtime's
    /// crash report) goes to the log file.
    static func setCrashNote(logFile: String) {
        let note = Array("\r\nenvtop crashed; the crash report is in the log: \(logFile)\r\n".utf8)
        note.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { envtop_guard_set_crash_note($0.baseAddress, $0.count) }
        }
    }

    /// Routes quit and resize signals into the wake pipe. Returns the signals now handled.
    static func installNotifications(wakeFD: Int32) -> [Int32] {
        envtop_guard_set_wake_fd(wakeFD)
        return (quitSignals + [resizeSignal] + jobSignals).filter { envtop_guard_install($0, 0) == 0 }
    }

    /// Stops the process as a shell's Ctrl-Z would (SIGTSTP, default action); returns once it
    /// is continued (`fg`, SIGCONT). Our own SIGTSTP handler is put back afterwards.
    static func stopForJobControl() {
        envtop_guard_stop_self()
    }

    /// Installs the crash handler (on `signals`; tests use a harmless one). Returns the signals
    /// now handled.
    static func installCrashHandlers(_ signals: [Int32] = crashSignals) -> [Int32] {
        signals.filter { envtop_guard_install($0, 1) == 0 }
    }

    /// Puts back the previous actions of `signals` and forgets the session's tty and streams.
    static func uninstall(_ signals: [Int32]) {
        for signal in signals { _ = envtop_guard_uninstall(signal) }
        envtop_guard_set_wake_fd(-1)
        envtop_guard_clear()
    }
}
