/// The list's rows in order, each an (environment, id) `ItemRef`.
///
/// Stored as one id string a row plus, only when rows come from several environments, a 2-byte
/// feed number (the environment strings are kept once). A row costs 16 bytes with one
/// environment and 18 with several, where an `[ItemRef]` costs 32: at 100,000 items that is the
/// difference BENCHMARKS.md measures in peak memory.
public struct VisibleRows: RandomAccessCollection, Sendable, Equatable {
    public private(set) var ids: [String] = []
    private var feedNumbers: [UInt16] = []
    private var environments: [String] = []
    /// Each row's search haystack, once a search has narrowed the rows: the next keystroke then
    /// filters these instead of looking every id up in its store again (a hash of the id per
    /// row was most of a keystroke's cost at 100,000 rows). Not part of equality: a cache.
    private(set) var haystacks: [[UInt8]]?

    public static func == (a: VisibleRows, b: VisibleRows) -> Bool {
        a.ids == b.ids && a.feedNumbers == b.feedNumbers && a.environments == b.environments
    }

    public init() {}

    /// Rows from `ids`, where `feed(i)` is the index into `environments` of row `i`.
    init(environments: [String], ids: [String], feed: (Int) -> Int) {
        self.environments = environments
        self.ids = ids
        if environments.count > 1 {
            feedNumbers = (0..<ids.count).map { UInt16(feed($0)) }
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ids.count }

    public subscript(row: Int) -> ItemRef {
        ItemRef(environmentID: environmentID(at: row), workID: ids[row])
    }

    /// The environment of a row, without building its ref.
    public func environmentID(at row: Int) -> String {
        environments[feedNumbers.isEmpty ? 0 : Int(feedNumbers[row])]
    }

    /// The rows whose haystack (`haystack(row)` the first time, the kept ones after) passes
    /// `keep`; the result keeps the haystacks of its rows for the next narrowing.
    func narrowed(haystack: (Int) -> [UInt8]?, keep: ([UInt8]) -> Bool) -> VisibleRows {
        if let haystacks {
            // Typing on: test the kept haystacks, and copy rows only when some go. Early keys
            // ("w", "we", "web") often keep every row: then the rows are returned as they are.
            var kept: [Int32] = []
            kept.reserveCapacity(count)
            haystacks.withUnsafeBufferPointer { hays in
                for row in hays.indices where keep(hays[row]) { kept.append(Int32(row)) }
            }
            if kept.count == count { return self }
            var result = VisibleRows()
            result.environments = environments
            result.ids = kept.map { ids[Int($0)] }
            if !feedNumbers.isEmpty { result.feedNumbers = kept.map { feedNumbers[Int($0)] } }
            result.haystacks = kept.map { haystacks[Int($0)] }
            return result
        }
        var result = VisibleRows()
        result.environments = environments
        var kept: [[UInt8]] = []
        // Typing narrows little at first: room for every row saves regrowing three arrays.
        kept.reserveCapacity(count)
        result.ids.reserveCapacity(count)
        if !feedNumbers.isEmpty { result.feedNumbers.reserveCapacity(count) }
        for row in indices {
            guard let hay = haystack(row), keep(hay) else { continue }
            result.ids.append(ids[row])
            if !feedNumbers.isEmpty { result.feedNumbers.append(feedNumbers[row]) }
            kept.append(hay)
        }
        result.haystacks = kept
        return result
    }
}
