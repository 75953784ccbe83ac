import EnvtopCore
import EnvtopUI

/// Why the terminal cannot be used; each description says what to do about it.
public enum TerminalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// stdin or stdout is not a terminal (a pipe, a file, cron, CI).
    case notATerminal
    /// TERM is unset, or terminfo does not know it; the payload is the TERM value ("" when unset).
    case unusableTerm(String)
    /// The window is smaller than the dashboard can draw.
    case tooSmall(Size, minimum: Size)
    /// curses could not start (or the terminal was already started).
    case startFailed(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "envtop needs an interactive terminal: stdin and stdout must both be a TTY. "
                + "Run it directly in a terminal window, not through a pipe, a redirect or a job runner."
        case .unusableTerm(let term) where term.isEmpty:
            return "TERM is not set, so envtop cannot tell how to drive this terminal. "
                + "Set it, for example: export TERM=xterm-256color"
        case .unusableTerm(let term):
            return "TERM=\(Self.printable(term)) is not in the terminfo database on this machine. "
                + "Use a known type, for example: TERM=xterm-256color envtop (or install the ncurses-term package)"
        case .tooSmall(let size, let minimum):
            return "The terminal is \(size) but envtop needs at least \(minimum) (columns x rows). "
                + "Enlarge the window or reduce the font size, then start envtop again."
        case .startFailed(let reason):
            return "Could not start the terminal screen: \(reason)"
        }
    }

    /// TERM comes from the environment: keep control characters out of the message.
    static func printable(_ text: String) -> String {
        String(text.unicodeScalars.prefix(64).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
    }
}
