/// Hands out curses colour pairs for (foreground, background) combinations, lazily.
///
/// Pair 0 is the terminal default (-1, -1) and is never redefined. New pairs are numbered from
/// 1 up to `capacity - 1` (curses `COLOR_PAIRS`); when they run out, further combinations get
/// pair 0 (default colours, attributes still apply) and are counted in `overflowCount`, so a
/// theme with too many combinations degrades instead of failing. `reset()` starts over, e.g.
/// after a theme change.
public struct ColorPairRegistry: Sendable {
    public struct Assignment: Sendable, Hashable {
        public var pair: Int32
        /// True the first time a combination gets its pair: the caller must `init_extended_pair`.
        public var isNew: Bool
    }

    public let capacity: Int
    public private(set) var overflowCount = 0
    private var pairs: [Colors: Int32] = [:]

    private struct Colors: Hashable {
        var foreground: Int32
        var background: Int32
    }

    /// - Parameter capacity: curses `COLOR_PAIRS` (pair numbers are `0..<capacity`).
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// How many pairs beyond pair 0 are in use.
    public var count: Int { pairs.count }

    public mutating func pair(foreground: Int32, background: Int32) -> Assignment {
        if foreground == -1 && background == -1 { return Assignment(pair: 0, isNew: false) }
        let key = Colors(foreground: foreground, background: background)
        if let pair = pairs[key] { return Assignment(pair: pair, isNew: false) }
        guard pairs.count + 1 < capacity else {
            overflowCount += 1
            return Assignment(pair: 0, isNew: false)
        }
        let pair = Int32(pairs.count + 1)
        pairs[key] = pair
        return Assignment(pair: pair, isNew: true)
    }

    public mutating func reset() {
        pairs.removeAll(keepingCapacity: true)
        overflowCount = 0
    }
}
