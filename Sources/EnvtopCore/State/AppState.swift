import EnvtopModels
import Foundation

/// Everything the dashboard knows and shows, as one value.
///
/// Three parts: the `feed` (one environment's data and refresh cycle), the list (query, visible
/// ids, selection and scroll) and the chrome (focus, overlay, flash). Views read it; only
/// `apply(_:)` changes it (every stored property is `internal(set)` or `private(set)`), and
/// `apply` does no I/O and never waits.
public struct AppState: Sendable {
    /// What the operator chose on the command line or in the config file.
    public struct Options: Sendable, Equatable {
        public var environmentID: String
        public var environmentName: String?
        public var readOnly: Bool
        /// Seconds between refreshes (at least 0.5).
        public var refreshInterval: Double
        public var thresholds: AttentionThresholds
        /// Items per list page request.
        public var pageSize: Int
        /// Seconds a flash message stays.
        public var flashSeconds: Double = 6

        public init(
            environmentID: String, environmentName: String? = nil, readOnly: Bool = false,
            refreshInterval: Double = 2, thresholds: AttentionThresholds = AttentionThresholds(), pageSize: Int = 200
        ) {
            self.environmentID = environmentID
            self.environmentName = environmentName
            self.readOnly = readOnly
            self.refreshInterval = max(0.5, refreshInterval)
            self.thresholds = thresholds
            self.pageSize = pageSize
        }

        /// The longest wait between attempts while the API fails: the refresh interval, and at
        /// least 3 s, so a returning API is seen within `retryCap` plus one tick (5 s at the
        /// default 2 s refresh) while a dead one gets one small cycle every few seconds.
        public var retryCap: Double { max(refreshInterval, 3) }
        /// A refresh cycle still unanswered this long after the last success marks the data
        /// stale at once (a hanging API), without waiting for the request timeout.
        public var staleAfter: Double { refreshInterval + 3 }
    }

    public internal(set) var options: Options
    public internal(set) var now: Date
    public private(set) var layout: DashboardLayout
    public var size: Size { layout.size }

    // MARK: Data
    /// The environment's items, stats, connection and refresh cycle.
    public internal(set) var feed: Feed
    /// Items that need an operator, and why; evaluated when data arrives or time passes.
    public internal(set) var attention: [String: Attention] = [:]
    /// Stops sent and not yet answered (or whose outcome is being checked), by work id: no
    /// second stop is ever sent for these.
    public internal(set) var stopsInFlight: [String: StopMode] = [:]

    // MARK: List
    /// The ids the list shows, filtered, searched and sorted.
    public internal(set) var visibleIDs: [String] = []
    /// The selected item, by id: it follows the item across refreshes, never the row index.
    public internal(set) var selectedID: String?
    /// The row of the selection in `visibleIDs`, kept in step with `selectedID`.
    public internal(set) var selectedIndex: Int?
    /// True until the operator moves the cursor: it then stays on the first row (the newest or
    /// the most urgent by the sort) while items arrive. Moving it pins it to its item.
    public internal(set) var followsFirstRow = true
    /// Items that arrived above a pinned cursor since the list was last at its top.
    public internal(set) var newAbove = 0
    /// The first list row on screen.
    public internal(set) var listScroll = 0
    public internal(set) var search = SearchState()
    public internal(set) var filter: StateFilter = .all
    public internal(set) var sort: SortOrder = .newest
    /// The store revision and time the visible list was last computed for.
    var listedRevision = -1
    var listedAt: Date?

    // MARK: Chrome
    public internal(set) var focus: Focus = .list
    public internal(set) var detailScroll = 0
    public internal(set) var paused = false
    public internal(set) var overlay: Overlay?
    public internal(set) var flash: Flash?
    public internal(set) var isQuitting = false

    public init(options: Options, size: Size, now: Date) {
        self.options = options
        self.now = now
        self.layout = DashboardLayout(size: size)
        self.feed = Feed(environmentID: options.environmentID, environmentName: options.environmentName, now: now)
    }

    // MARK: Read-only views of the feed, for the widgets
    public var store: WorkStore { feed.store }
    public var stats: QueueStats? { feed.stats }
    public var connection: ConnectionStatus { feed.connection }
    public var generation: Int { feed.generation }
    public var inFlight: Int { feed.inFlight }
    public var nextRefreshAt: Date { feed.nextRefreshAt }

    /// An item on screen: in the store, or shown one more refresh as gone from the API.
    public func item(_ id: String) -> WorkItem? { feed.item(id) }

    /// The selected item, if any.
    public var selectedItem: WorkItem? { selectedID.flatMap { feed.item($0) } }

    /// The key scope that receives keys now.
    public var keyScope: KeyScope {
        if let overlay { return overlay.scope }
        return search.isEditing ? .search : (focus == .list ? .list : .detail)
    }

    mutating func setSize(_ size: Size) { layout = DashboardLayout(size: size) }
}

extension AppState {
    /// Why an item is flagged, with its ages at this frame's clock (`now`), so a row's reason
    /// agrees with its age columns. Which items are flagged is the attention set's decision, the
    /// same set the header counts.
    public func attentionNow(_ id: String) -> Attention? {
        guard let flagged = attention[id], let item = feed.store[id] else { return nil }
        let polling = feed.stats?.workersPolling
        return Attention.evaluate(item, now: now, thresholds: options.thresholds, workersPolling: polling) ?? flagged
    }
}
