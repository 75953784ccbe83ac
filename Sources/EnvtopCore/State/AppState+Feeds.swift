import EnvtopModels
import Foundation

extension AppState {
    // MARK: Across feeds, for the widgets

    /// The first feed: what a single-environment header shows.
    public var feed: Feed { feeds[0] }
    public var store: WorkStore { feeds[0].store }
    public var stats: QueueStats? { feeds[0].stats }
    public var connection: ConnectionStatus { feeds[0].connection }
    /// Refresh cycles started across every feed: grows whenever any feed starts one.
    public var generation: Int { feeds.reduce(0) { $0 + $1.generation } }
    /// Requests out across every feed.
    public var inFlight: Int { feeds.reduce(0) { $0 + $1.inFlight } }
    /// When the next refresh of any feed is due.
    public var nextRefreshAt: Date { feeds.map(\.nextRefreshAt).min() ?? now }
    /// Items per state, across every feed.
    public var counts: StateCounts { feeds.dropFirst().reduce(feeds[0].store.counts) { $0.adding($1.store.counts) } }
    /// Items in every feed's store.
    public var totalItems: Int { feeds.reduce(0) { $0 + $1.store.count } }
    /// True once every feed has listed at least one page.
    public var hasLoadedAnything: Bool { feeds.contains { $0.store.revision > 0 } }
    /// True while some feed is still walking its first load.
    public var isLoadingPages: Bool { feeds.contains { $0.store.revision > 0 && !$0.store.isFullyLoaded } }
    /// What the last refresh of every feed changed, added up.
    public var changeTotals: (new: Int, changed: Int, gone: Int) {
        feeds.reduce((0, 0, 0)) { ($0.0 + $1.changes.new.count, $0.1 + $1.changes.changed.count, $0.2 + $1.changes.gone.count) }
    }

    /// The ids of the visible rows (tests and single-environment callers).
    public var visibleIDs: [String] { visible.map(\.workID) }
    public var selectedID: String? { selected?.workID }

    /// Why an item is flagged, if it is (the set the header counts).
    public func attention(_ ref: ItemRef) -> Attention? {
        feedIndex[ref.environmentID].flatMap { feeds[$0].attention[ref.workID] }
    }

    /// Why an item is flagged, with its ages at this frame's clock (`now`), so a row's reason
    /// agrees with its age columns. Which items are flagged is the attention set's decision, the
    /// same set the header counts.
    public func attentionNow(_ ref: ItemRef) -> Attention? {
        guard let i = feedIndex[ref.environmentID], let flagged = feeds[i].attention[ref.workID],
              let item = feeds[i].store[ref.workID] else { return nil }
        let polling = feeds[i].stats?.workersPolling
        return Attention.evaluate(item, now: now, thresholds: options.thresholds, workersPolling: polling) ?? flagged
    }

    /// Items flagged across every feed.
    public var attentionCount: Int { feeds.reduce(0) { $0 + $1.attention.count } }

    /// How a row is marked for one refresh: new, changed or gone.
    public func mark(_ ref: ItemRef) -> ChangeMark? {
        feedIndex[ref.environmentID].flatMap { feeds[$0].changes.mark(ref.workID) }
    }

    /// True when the item is shown one more refresh as gone from the API.
    public func isDeparted(_ ref: ItemRef) -> Bool {
        feedIndex[ref.environmentID].map { feeds[$0].departed[ref.workID] != nil } ?? false
    }

    // MARK: Changing one feed

    /// Runs `body` on the feed of `environmentID`; nil when that environment is not watched.
    @discardableResult
    mutating func withFeed<T>(_ environmentID: String, _ body: (inout Feed) -> T) -> T? {
        guard let i = feedIndex[environmentID] else { return nil }
        return body(&feeds[i])
    }
}

extension StateCounts {
    /// The sum of two tallies.
    func adding(_ other: StateCounts) -> StateCounts {
        var sum = self
        sum.add(other)
        return sum
    }
}
