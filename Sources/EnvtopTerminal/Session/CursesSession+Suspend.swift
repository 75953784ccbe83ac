#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses

/// Job control on the terminal thread: Ctrl-Z (a key in raw mode) or a SIGTSTP from outside
/// hands the terminal back to the shell and stops the process; `fg` brings the dashboard back,
/// redrawn at the terminal's size then. A SIGCONT after a SIGSTOP (which cannot be caught)
/// redraws too.
extension CursesSession {
    /// Ctrl-Z as raw mode delivers it.
    static let suspendCharacter: UInt32 = 0x1A

    func suspend() {
        guard !isTornDown else { return }
        paste = nil
        _ = endwin()
        writeToTerminal((mouseEnabled ? MouseDecoder.disableSequence : "") + PasteCollector.disableSequence)
        SignalGuard.restoreTerminalModes()
        SignalGuard.stopForJobControl()
        resume()
    }

    /// Back from a stop: curses' modes, our terminal modes, and everything repainted at the
    /// current size (the window may have been resized while stopped).
    func resume() {
        guard !isTornDown else { return }
        _ = reset_prog_mode()
        writeToTerminal((mouseEnabled ? MouseDecoder.enableSequence : "") + PasteCollector.enableSequence)
        noteResize(askTerminal: true)
        paint(full: true)
    }
}
