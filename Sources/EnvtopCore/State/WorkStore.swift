import EnvtopModels

/// Every work item the dashboard knows, keyed by id, and the page cursors that reach them.
///
/// The API has no server-side filter, so search, filter and sort run here over all items. The
/// store remembers which page each item came from, so a refresh can re-read just the pages the
/// screen needs instead of the whole list (see `RefreshPlanner`).
public struct WorkStore: Sendable, Equatable {
    public private(set) var byID: [String: WorkItem] = [:]
    /// Lowercased id, session and metadata, prepared once per item for fast search.
    private(set) var searchText: [String: String] = [:]
    /// The page index each item was last seen on.
    public private(set) var pageOf: [String: Int] = [:]
    /// `pageCursors[i]` fetches page i; page 0 has no cursor.
    public private(set) var pageCursors: [String?] = [nil]
    /// The index of the last page, once a page answered without `next_page`.
    public private(set) var lastPageIndex: Int?
    /// Bumped on every change, so derived lists know when to recompute.
    public private(set) var revision: Int = 0
    /// Items per state, adjusted on every upsert.
    public private(set) var counts = StateCounts()

    public init() {}

    public var count: Int { byID.count }
    public var isFullyLoaded: Bool { lastPageIndex != nil }
    public var knownPageCount: Int { pageCursors.count }

    public subscript(id: String) -> WorkItem? { byID[id] }

    /// Merges one page of the list; records the cursor of the page after it.
    public mutating func apply(page: WorkPage, index: Int) {
        for item in page.data { upsert(item, page: index) }
        if let next = page.nextPage {
            if pageCursors.count <= index + 1 {
                pageCursors.append(next)
            } else {
                pageCursors[index + 1] = next
            }
            if let last = lastPageIndex, last <= index { lastPageIndex = nil }
        } else {
            lastPageIndex = index
            if pageCursors.count > index + 1 { pageCursors.removeSubrange((index + 1)...) }
        }
        revision += 1
    }

    /// Replaces one item, e.g. with the answer to a stop.
    public mutating func update(_ item: WorkItem) {
        upsert(item, page: pageOf[item.id] ?? 0)
        revision += 1
    }

    private mutating func upsert(_ item: WorkItem, page: Int) {
        var clean = item
        clean.secret = nil  // a secret is never kept (API-NOTES.md)
        if let old = byID.updateValue(clean, forKey: item.id) { counts.add(old.state, -1) }
        counts.add(clean.state, 1)
        pageOf[item.id] = page
        searchText[item.id] = Self.haystack(for: clean)
    }

    static func haystack(for item: WorkItem) -> String {
        var text = item.id + " " + item.sessionID + " " + item.state.rawValue
        for (key, value) in item.metadata.sorted(by: { $0.key < $1.key }) { text += " \(key)=\(value)" }
        return text.lowercased()
    }

    /// True when the item's id, session, state or metadata contains `needle` (already lowercased).
    public func matches(_ id: String, lowercasedNeedle needle: String) -> Bool {
        guard let hay = searchText[id] else { return false }
        return hay.contains(needle)
    }

    /// Items per state.
    public func countsByState() -> StateCounts { counts }
}
