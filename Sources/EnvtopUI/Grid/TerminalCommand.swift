import EnvtopCore
/// One request to the screen, queued and carried out in order by whatever draws the dashboard.
///
/// It lives beside `Screen` and `Theme` so the runtime can speak to a terminal without importing
/// the curses target, and a test can record exactly what would have been drawn.
public enum TerminalCommand: Sendable, Hashable {
    /// Shows a frame. Queued frames replace each other: only the newest one is painted.
    case present(Screen)
    /// Changes the look; everything is repainted with the new theme.
    case setTheme(Theme)
    /// Clears the terminal and repaints the last frame from scratch (ctrl-l).
    case repaint
    /// Raw bytes for the tty, after everything queued before them (e.g. an OSC 52 clipboard
    /// sequence). They must not move the cursor or change cells: curses does not see them.
    case write([UInt8])
    /// The terminal bell (BEL, 0x07).
    case bell
    /// Restores the terminal and ends the terminal's thread; later commands are dropped.
    case stop
}
