import CNcurses

/// What terminfo says about a terminal type, read without starting curses.
///
/// Uses the process-wide terminfo state (`setupterm`), so like every curses call it must not
/// run while another thread is inside curses: call it before `CursesTerminal.start()` or
/// from the terminal thread.
public enum TerminfoProbe {
    public struct Entry: Sendable, Hashable {
        public var colors: Int
        /// False for types such as `dumb` that cannot place the cursor: no full-screen UI.
        public var canAddressCursor: Bool
    }

    /// The entry for `term`, or nil when terminfo does not know it.
    public static func entry(for term: String, fd: Int32 = 1) -> Entry? {
        guard !term.isEmpty else { return nil }
        var colors: Int32 = 0
        var canAddress: Int32 = 0
        guard envtop_probe_term(term, fd, &colors, &canAddress) == 1 else { return nil }
        return Entry(colors: Int(colors), canAddressCursor: canAddress != 0)
    }
}
