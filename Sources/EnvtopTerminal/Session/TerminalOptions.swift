/// How a `CursesTerminal` attaches to the process. The defaults are what the app wants; tests
/// and harnesses drive a pseudo-terminal instead of the process's own.
public struct TerminalOptions: Sendable {
    /// The tty to read keys from (duplicated; the original is left open).
    public var inputFD: Int32 = 0
    /// The tty to paint on (duplicated, so stdout itself can be captured).
    public var outputFD: Int32 = 1
    /// The terminfo type; nil means `$TERM` (see `TermSelection` for the truecolor upgrade).
    public var term: String?
    /// The environment (`TERM`, `COLORTERM`, `NO_COLOR`); nil means the process's.
    public var environment: [String: String]?
    /// Install the quit, resize and crash signal handlers (process-wide).
    public var handlesSignals = true
    /// Point stdout and stderr at the log file (or a replayed temporary file) while the screen
    /// is up (process-wide).
    public var capturesStandardStreams = true
    /// How long a lone Esc waits for the rest of a key sequence; short so Esc feels instant.
    public var escapeDelayMilliseconds: Int32 = 25
    /// Report the mouse (click to select, wheel to scroll). Off (`mouse: off`) leaves a plain
    /// drag to the terminal, for selecting text.
    public var mouse = true

    public init() {}

    public static let standard = TerminalOptions()
}
