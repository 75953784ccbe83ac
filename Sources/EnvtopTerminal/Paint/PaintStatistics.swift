/// Counters of what the terminal thread painted, for diagnostics and benchmarks.
public struct PaintStatistics: Sendable, Hashable {
    /// Frames the terminal thread took from `present` (the newest of each burst).
    public var presented = 0
    /// Frames flushed to the terminal (each one `doupdate()`).
    public var frames = 0
    /// Frames painted from scratch (first paint, resize, theme change, ctrl-l).
    public var fullRepaints = 0
    /// Glyphs handed to curses over all frames.
    public var glyphs = 0
    /// Frames replaced by a newer one before the thread took them; `presented + coalesced` is
    /// the number of `present` calls.
    public var coalesced = 0

    public init() {}
}
