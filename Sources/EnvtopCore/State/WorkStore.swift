import EnvtopModels
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every work item the dashboard knows, keyed by id, and the page cursors that reach them.
///
/// The API has no server-side filter, so search, filter and sort run here over all items. The
/// store remembers which page each item came from, so a refresh can re-read just the pages the
/// screen needs instead of the whole list (see `RefreshPlanner`), and in which refresh cycle it
/// last saw each item, so a complete sweep can tell which items the API no longer has
/// (`Sweep`): the store mirrors the server, it does not only accumulate.
public struct WorkStore: Sendable, Equatable {
    public private(set) var byID: [String: WorkItem] = [:]
    /// What the store keeps beside each item, in one dictionary so the ids are not stored twice.
    struct Entry: Sendable, Equatable {
        /// The page index the item was last seen on. 32-bit, with `seen`, so an entry stays at
        /// 16 bytes beside its haystack: 100,000 of them are in memory at once.
        var page: Int32
        /// The refresh cycle (`Feed.generation`) that last returned the item.
        var seen: Int32
        /// Lowercased id, session and metadata as UTF-8, prepared once: searching bytes is ~30x
        /// faster than `String.contains`, which goes through Foundation (BENCHMARKS.md).
        var haystack: [UInt8]
    }

    /// What one page or one removal changed, for the change marks.
    public struct Delta: Sendable, Equatable {
        public var inserted: [String] = []
        public var changed: [String] = []
        /// Of `changed`, the items that were not `stopped` before and are now: they completed.
        public var completed: [String] = []
        /// The page's `next_page` repeated the cursor of an earlier page: taken as the end.
        public var cursorRepeated = false
        public var isEmpty: Bool { inserted.isEmpty && changed.isEmpty }
    }

    var entries: [String: Entry] = [:]
    /// The environment id every item shares, kept once instead of once per item.
    private var environmentID: String?
    /// `pageCursors[i]` fetches page i; page 0 has no cursor.
    public private(set) var pageCursors: [String?] = [nil]
    /// The index of the last page, once a page answered without `next_page`.
    public private(set) var lastPageIndex: Int?
    /// Bumped on every change, so derived lists know when to recompute.
    public private(set) var revision: Int = 0
    /// Items per state, adjusted on every upsert and removal.
    public private(set) var counts = StateCounts()
    /// What each page's body was when it was last merged, and the items it held: the next read
    /// of it with the same bytes only notes those items as seen (`applyUnchanged`).
    var pageRecords: [Int: PageRecord] = [:]
    /// Items removed so far: while it stays put, a page record's items are all still here.
    private(set) var removals = 0

    public init() {}

    public var count: Int { byID.count }

    /// The page index an item was last seen on.
    public func page(of id: String) -> Int? { entries[id].map { Int($0.page) } }
    public var isFullyLoaded: Bool { lastPageIndex != nil }
    public var knownPageCount: Int { pageCursors.count }

    public subscript(id: String) -> WorkItem? { byID[id] }

    /// Merges one page of the list, read in refresh cycle `generation`; records the cursor of the
    /// page after it. The revision moves only when something changed, so an unchanged refresh
    /// costs no list recomputation.
    @discardableResult
    public mutating func apply(page: WorkPage, index: Int, generation: Int = 0) -> Delta {
        var delta = Delta()
        for item in page.data {
            switch upsert(item, page: index, seen: generation) {
            case .inserted: delta.inserted.append(item.id)
            case .changed(let wasStopped):
                delta.changed.append(item.id)
                if !wasStopped, item.state == .stopped { delta.completed.append(item.id) }
            case .unchanged: break
            }
        }
        delta.cursorRepeated = follow(page.nextPage, after: index)
        if !delta.isEmpty { revision += 1 }
        if let digest = page.digest {
            pageRecords[index] = PageRecord(
                digest: digest, ids: page.data.map(\.id), nextPage: page.nextPage, removalsAt: removals)
        } else {
            pageRecords[index] = nil
        }
        return delta
    }

    /// Records the cursor a page gave for the page after it, or that it was the last; true when
    /// the cursor repeats an earlier page's (taken as the end). Moves the revision on a change.
    mutating func follow(_ next: String?, after index: Int) -> Bool {
        let cursorsBefore = pageCursors
        let lastBefore = lastPageIndex
        // A cursor that points back at an earlier page would walk in a circle forever.
        let repeated = next.map { pageCursors.prefix(index + 1).contains($0) } ?? false
        if let next, !repeated {
            if pageCursors.count <= index + 1 {
                pageCursors.append(next)
            } else {
                pageCursors[index + 1] = next
            }
            if let last = lastPageIndex, last <= index { lastPageIndex = nil }
        } else {
            lastPageIndex = index
            if pageCursors.count > index + 1 { pageCursors.removeSubrange((index + 1)...) }
            if pageRecords.count > index + 1 { pageRecords = pageRecords.filter { $0.key <= index } }
        }
        if cursorsBefore != pageCursors || lastBefore != lastPageIndex { revision += 1 }
        return repeated
    }

    /// Replaces one item, e.g. with the answer to a stop or a re-read.
    public mutating func update(_ item: WorkItem) {
        let entry = entries[item.id]
        upsert(item, page: Int(entry?.page ?? 0), seen: Int(entry?.seen ?? 0))
        revision += 1
    }

    /// Forgets items the API no longer has; returns what they were.
    @discardableResult
    public mutating func remove(_ ids: some Sequence<String>) -> [WorkItem] {
        var removed: [WorkItem] = []
        for id in ids {
            guard let old = byID.removeValue(forKey: id) else { continue }
            entries[id] = nil
            counts.add(old.state, -1)
            removed.append(old)
        }
        if !removed.isEmpty {
            revision += 1
            removals += removed.count
        }
        return removed
    }

    /// The ids no refresh cycle returned since `generation` (exclusive of it).
    public func ids(notSeenSince generation: Int) -> [String] {
        entries.compactMap { Int($0.value.seen) < generation ? $0.key : nil }
    }

    private enum Upsert { case inserted, changed(wasStopped: Bool), unchanged }

    /// Stores an item and notes when it was seen.
    @discardableResult
    private mutating func upsert(_ item: WorkItem, page: Int, seen: Int) -> Upsert {
        let page = Int32(clamping: page), seen = Int32(clamping: seen)
        var clean = item
        clean.secret = nil  // a secret is never kept (docs/API.md, "The secret")
        if let shared = environmentID, shared == clean.environmentID {
            clean.environmentID = shared  // share one string's storage across 100,000 items
        } else if environmentID == nil {
            environmentID = clean.environmentID
        }
        // The usual refresh re-reads an unchanged item: one lookup in each table, the entry
        // updated in place through its index (a second hash of the id per item otherwise).
        let at = entries.index(forKey: item.id)
        if let at, let old = byID[item.id], old == clean {
            let entry = entries.values[at]
            if entry.page != page || entry.seen < seen {
                entries.values[at].page = page
                entries.values[at].seen = max(entry.seen, seen)
            }
            return .unchanged
        }
        let previous = at.map { entries.values[$0].seen } ?? seen
        let old = byID.updateValue(clean, forKey: item.id)
        if let old { counts.add(old.state, -1) }
        counts.add(clean.state, 1)
        entries[item.id] = Entry(page: page, seen: max(previous, seen), haystack: Self.haystack(for: clean))
        return old.map { .changed(wasStopped: $0.state == .stopped) } ?? .inserted
    }

    static func haystack(for item: WorkItem) -> [UInt8] {
        var hay: [UInt8] = []
        func add(_ text: String, separator: String?) {
            if let separator { hay += separator.utf8 }
            let head = text.utf8.count > searchedBytes ? String(text.prefix(searchedBytes)) : text
            hay += head.lowercased().utf8
        }
        add(item.id, separator: nil)
        add(item.sessionID, separator: " ")
        add(item.state.rawValue, separator: " ")
        for (key, value) in item.metadata.sorted(by: { $0.key < $1.key }) {
            add(key, separator: " ")
            add(value, separator: "=")
        }
        return hay
    }

    /// How much of each id, key and value the search line looks at: all of any normal one, and
    /// not a second copy of a hostile 20,000-character value.
    public static let searchedBytes = 1024

    /// True when the item's id, session, state or metadata contains `needle` (lowercased UTF-8).
    public func matches(_ id: String, lowercasedNeedle needle: [UInt8]) -> Bool {
        guard let hay = entries[id]?.haystack else { return false }
        return Self.contains(hay, needle)
    }

    /// Byte substring search: the C library's vectorised `memchr` finds each candidate first
    /// byte, `memcmp` checks the rest. A search keystroke over 100,000 items is mostly this.
    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        let n = needle.count
        if n == 0 { return true }
        if n > hay.count { return false }
        return hay.withUnsafeBytes { h in
            needle.withUnsafeBytes { p in
                guard let base = h.baseAddress, let pattern = p.baseAddress else { return false }
                let first = Int32(p[0])
                var offset = 0
                let last = h.count - n
                while offset <= last {
                    guard let found = memchr(base + offset, first, last - offset + 1) else { return false }
                    let at = base.distance(to: UnsafeRawPointer(found))
                    if n == 1 || memcmp(base + at + 1, pattern + 1, n - 1) == 0 { return true }
                    offset = at + 1
                }
                return false
            }
        }
    }
}
