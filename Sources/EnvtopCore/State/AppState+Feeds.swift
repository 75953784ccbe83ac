import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension AppState {
    // MARK: The feeds in scope, for the widgets

    /// The indices in `feeds` of the environments the view shows: all, or the one chosen.
    public var scopedFeeds: [Int] {
        switch scope {
        case .all: return Array(feeds.indices)
        case .one(let id): return feedIndex[id].map { [$0] } ?? Array(feeds.indices)
        }
    }
    /// `scopedFeeds` as a search's `only`: nil when the view shows every feed.
    var scopedOnly: [Int]? { scopedFeeds.count == feeds.count ? nil : scopedFeeds }
    /// True when the view shows several environments together (an ENV column, a header line each).
    public var isMerged: Bool { scopedFeeds.count > 1 }
    /// The watched environment of a feed.
    public func watched(_ environmentID: String) -> WatchedEnvironment? {
        feedIndex[environmentID].map { options.environments[$0] }
    }

    /// The short name of an environment for the ENV column, the banner and notices.
    public func tag(_ environmentID: String) -> String {
        guard let env = watched(environmentID) else { return environmentID }
        return env.tag(shared: options.environments.lazy.filter { $0.label == env.label }.count > 1)
    }

    /// What the view shows, in words: "all: 3 environments", or one environment's tag.
    public var scopeTitle: String {
        switch scope {
        case .one(let id) where feeds.count > 1: return tag(id)
        default: return feeds.count > 1 ? "all: \(feeds.count) environments" : tag(feeds[0].environmentID)
        }
    }

    /// The first feed in scope: the one a single-environment header shows.
    public var feed: Feed { feeds[scopedFeeds[0]] }
    public var store: WorkStore { feed.store }
    public var stats: QueueStats? { feed.stats }
    /// The connection of the feed in view; in the merged view, the worst of them (stale first).
    public var connection: ConnectionStatus {
        let indices = scopedFeeds
        return indices.map { feeds[$0].connection }.first(where: \.isStale) ?? feeds[indices[0]].connection
    }
    /// True when some feed in view shows data older than its last failed refresh.
    public var anyStale: Bool { scopedFeeds.contains { feeds[$0].connection.isStale } }
    /// Refresh cycles started across every feed: grows whenever any feed starts one.
    public var generation: Int { feeds.reduce(0) { $0 + $1.generation } }
    /// Requests out across every feed.
    public var inFlight: Int { feeds.reduce(0) { $0 + $1.inFlight } }
    /// When the next refresh of any feed is due.
    public var nextRefreshAt: Date { feeds.map(\.nextRefreshAt).min() ?? now }
    /// Items per state, across the feeds in view.
    public var counts: StateCounts {
        let indices = scopedFeeds
        return indices.dropFirst().reduce(feeds[indices[0]].store.counts) { $0.adding(feeds[$1].store.counts) }
    }
    /// Items in the stores of the feeds in view.
    public var totalItems: Int { scopedFeeds.reduce(0) { $0 + feeds[$1].store.count } }
    /// True once some feed in view has listed at least one page.
    public var hasLoadedAnything: Bool { scopedFeeds.contains { feeds[$0].store.revision > 0 } }
    /// True while some feed in view is still walking its first load.
    public var isLoadingPages: Bool {
        scopedFeeds.contains { feeds[$0].store.revision > 0 && !feeds[$0].store.isFullyLoaded }
    }
    /// What the last refresh of every feed in view changed, added up.
    public var changeTotals: (new: Int, changed: Int, gone: Int) {
        scopedFeeds.reduce((0, 0, 0)) {
            let c = feeds[$1].changes
            return ($0.0 + c.new.count, $0.1 + c.changed.count, $0.2 + c.gone.count)
        }
    }

    /// The ids of the visible rows (tests and single-environment callers).
    public var visibleIDs: [String] { visible.ids }
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
        switch flagged {
        case .stalledClaim, .noWorker, .backlog:
            return flagged.aged(item, now: now)  // the rule decides; the clock only ages it
        default:
            let polling = feeds[i].stats?.workersPolling
            return Attention.evaluate(item, now: now, thresholds: options.thresholds, workersPolling: polling) ?? flagged
        }
    }

    /// Items flagged across the feeds in view.
    public var attentionCount: Int { scopedFeeds.reduce(0) { $0 + feeds[$1].attention.count } }

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
