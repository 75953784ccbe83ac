import EnvtopCore
import EnvtopUI

/// What the terminal thread reports to the app, in arrival order.
///
/// `onInput` is called on the terminal thread: hand the value on (e.g. yield it into an
/// `AsyncStream`) and return, since painting waits while the callback runs.
public enum TerminalInput: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
    /// Text pasted into the terminal (bracketed paste), whole: it may hold newlines, tabs and
    /// other control characters, and is capped at `PasteCollector.defaultLimit` UTF-8 bytes.
    /// It is text, never keys: treat a newline in it as text too, not as Enter.
    case paste(String)
    /// The terminal changed size; the screen was already cleared and repainted at the new size
    /// with the last frame, clipped. Present a frame of this size next.
    case resize(Size)
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT arrived. The terminal is still up: quit through the
    /// normal path (which calls `stop()`), so the terminal is restored exactly once.
    case signal(Int32)
}
