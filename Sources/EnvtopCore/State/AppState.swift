import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Everything the dashboard knows and shows, as one value.
///
/// Three parts: the `feeds` (one per environment: its data and refresh cycle), the list (query,
/// visible item refs, selection and scroll, across every feed) and the chrome (focus, overlay,
/// flash). Views read it; only `apply(_:)` changes it (every stored property is
/// `internal(set)` or `private(set)`), and `apply` does no I/O and never waits.
public struct AppState: Sendable {
    /// What the operator chose on the command line or in the config file.
    public struct Options: Sendable, Equatable {
        /// The environments to watch, in the order they were named: one feed each.
        public var environments: [WatchedEnvironment]
        public var readOnly: Bool
        /// Seconds between refreshes (at least 0.5).
        public var refreshInterval: Double
        public var thresholds: AttentionThresholds
        /// Items per list page request.
        public var pageSize: Int
        /// Seconds a flash message stays.
        public var flashSeconds: Double = 6
        /// Ring the terminal bell when a runbook rule starts failing (`bell: off` in the config).
        public var bell = true
        /// Stops a batch sends per second at most (`batch_stops_per_second`).
        public var batchStopsPerSecond = 5.0
        /// The longest wait a `retry-after` from the API imposes on a feed's refresh, in seconds
        /// (`max_retry_after`): a rate limit is honoured, but one answer never stops refreshing
        /// for a day.
        public var maxRetryAfter = 60.0
        /// The key table in effect (the config's `keys:` over the defaults).
        public var keys = KeyBindings.standard
        /// The saved views on the number keys: the built-ins and the config's `views:`.
        public var views = SavedView.builtIn
        /// Draw sparklines and charts in ASCII: the terminal cannot show block elements
        /// (`TERM=linux` or `vt*`, or `ENVTOP_ASCII=1`).
        public var asciiCharts = false

        public init(
            environmentID: String, environmentName: String? = nil, readOnly: Bool = false,
            refreshInterval: Double = 2, thresholds: AttentionThresholds = AttentionThresholds(), pageSize: Int = 200
        ) {
            self.init(
                environments: [WatchedEnvironment(id: environmentID, name: environmentName)], readOnly: readOnly,
                refreshInterval: refreshInterval, thresholds: thresholds, pageSize: pageSize)
        }

        public init(
            environments: [WatchedEnvironment], readOnly: Bool = false, refreshInterval: Double = 2,
            thresholds: AttentionThresholds = AttentionThresholds(), pageSize: Int = 200
        ) {
            precondition(!environments.isEmpty, "at least one environment")
            self.environments = environments
            self.readOnly = readOnly
            self.refreshInterval = max(0.5, refreshInterval)
            self.thresholds = thresholds
            self.pageSize = pageSize
        }

        /// The first environment: the one a single-environment view shows.
        public var environmentID: String { environments[0].id }
        public var environmentName: String? { environments[0].name }

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
    /// One feed per environment, in `options.environments` order: each with its own items,
    /// stats, connection and refresh cycle, so one dead environment never stalls the others.
    public internal(set) var feeds: [Feed]
    /// Where each environment's feed is in `feeds`.
    let feedIndex: [String: Int]
    /// Stops sent and not yet answered (or whose outcome is being checked): no second stop is
    /// ever sent for these.
    public internal(set) var stopsInFlight: [ItemRef: StopMode] = [:]
    /// The items marked for a batch (`Space`, `*`): held by (environment, id) across refreshes,
    /// sorts and filters; an item the API forgets loses its mark.
    public internal(set) var marks: Set<ItemRef> = []
    /// The batch of stops being sent, if one is.
    public internal(set) var batch: BatchRun?
    /// The stops asked this run, followed until they end (`L` lists them).
    public internal(set) var followed: [ItemRef: FollowedStop] = [:]
    /// Batches started this run (each run's number).
    var batchCount = 0

    // MARK: List
    /// The items the list shows, across every feed: filtered, searched and sorted.
    public internal(set) var visible = VisibleRows()
    /// The selected item: it follows the item across refreshes, never the row index.
    public internal(set) var selected: ItemRef?
    /// The row of the selection in `visible`, kept in step with `selected`.
    public internal(set) var selectedIndex: Int?
    /// True until the operator moves the cursor: it then stays on the first row (the newest or
    /// the most urgent by the sort) while items arrive. Moving it pins it to its item.
    public internal(set) var followsFirstRow = true
    /// Items that arrived above a pinned cursor since the list was last at its top.
    public internal(set) var newAbove = 0
    /// The first list row on screen.
    public internal(set) var listScroll = 0
    /// Unreadable items already reported (environment and description), so each is said once.
    var reportedUnreadable: Set<String> = []
    /// The batch that finished last, item by item (`envtop stop` reports from it).
    public internal(set) var lastBatch: BatchRun?
    public internal(set) var search = SearchState()
    public internal(set) var filter: StateFilter = .all
    public internal(set) var sort: SortOrder = .newest
    /// Every environment (the merged view) or one; several watched environments open on all.
    public internal(set) var scope: EnvironmentScope = .all
    /// The store revisions and time the visible list was last computed for.
    var listedRevisions: [Int] = []
    var listedAt: Date?
    /// How many items the feeds held at that time.
    var listedItems = 0
    /// A relist asked for while another was just done: the next tick does it (several feeds
    /// finishing their cycles within a second then cost one relist, not one each).
    var relistPending = false

    // MARK: Chrome
    public internal(set) var focus: Focus = .list
    public internal(set) var detailScroll = 0
    public internal(set) var paused = false
    /// `H`: the history chart covers the list ("what happened in the last hour").
    public internal(set) var showsHistory = false
    /// `a`: the list's time columns show UTC clock times instead of ages.
    public internal(set) var absoluteTimes = false
    public internal(set) var overlay: Overlay?
    public internal(set) var flash: Flash?
    public internal(set) var isQuitting = false

    public init(options: Options, size: Size, now: Date) {
        self.options = options
        self.now = now
        self.layout = DashboardLayout(size: size, headerHeight: DashboardLayout.headerHeight(environments: options.environments.count, size: size))
        self.feeds = options.environments.map {
            Feed(environmentID: $0.id, environmentName: $0.name, now: now, refreshInterval: options.refreshInterval, runbook: $0.runbook)
        }
        var index: [String: Int] = [:]
        for (i, feed) in feeds.enumerated() where index[feed.environmentID] == nil { index[feed.environmentID] = i }
        self.feedIndex = index
    }

    /// The feed of an environment, if it is watched.
    public func environmentFeed(_ environmentID: String) -> Feed? { feedIndex[environmentID].map { feeds[$0] } }

    /// An item on screen: in its feed's store, or shown one more refresh as gone from the API.
    /// (Reads through `feeds[i]` in place: binding a Feed to a local would copy all of it.)
    public func item(_ ref: ItemRef) -> WorkItem? {
        guard let i = feedIndex[ref.environmentID] else { return nil }
        return feeds[i].item(ref.workID)
    }

    /// The selected item, if any.
    public var selectedItem: WorkItem? { selected.flatMap { item($0) } }

    /// The key scope that receives keys now.
    public var keyScope: KeyScope {
        if let overlay { return overlay.scope }
        return search.isEditing ? .search : (focus == .list ? .list : .detail)
    }

    mutating func setSize(_ size: Size) {
        layout = DashboardLayout(size: size, headerHeight: DashboardLayout.headerHeight(environments: scopedFeeds.count, size: size))
    }
}
