import EnvtopModels
import Foundation

/// Everything the dashboard knows and shows, as one value.
///
/// Only `apply(_:)` changes it; it does no I/O and never waits. Views read it to draw a `Screen`.
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
        /// Longest wait between retries while the API fails.
        public var maxBackoff: Double = 60

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
    }

    public var options: Options
    public var now: Date
    public private(set) var layout: DashboardLayout
    public var size: Size { layout.size }

    // MARK: Data
    public var stats: QueueStats?
    public var store = WorkStore()
    /// Items that need an operator, and why; evaluated when data arrives or time passes.
    public internal(set) var attention: [String: Attention] = [:]
    /// The ids the list shows, filtered, searched and sorted.
    public internal(set) var visibleIDs: [String] = []
    public var connection = ConnectionStatus()

    // MARK: View
    public var focus: Focus = .list
    /// The selected item, by id: it follows the item across refreshes, never the row index.
    public internal(set) var selectedID: String?
    /// The first list row on screen.
    public internal(set) var listScroll = 0
    public var detailScroll = 0
    public var helpScroll = 0
    public var search = SearchState()
    public internal(set) var filter: StateFilter = .all
    public internal(set) var sort: SortOrder = .newest
    public var paused = false
    public var overlay: Overlay?
    public var flash: Flash?
    public var themeName: String = "default"
    public internal(set) var isQuitting = false

    // MARK: Refresh machinery
    /// The current refresh cycle; replies from another cycle are dropped.
    public internal(set) var generation = 0
    /// Requests of the current cycle not answered yet; a new cycle starts only at zero.
    public internal(set) var inFlight = 0
    var cycleFailed = false
    var refreshRequested = false
    public internal(set) var nextRefreshAt: Date
    var sweepCursor = 1
    /// When the running cycle started: the next one is due one interval after it.
    var cycleStartedAt: Date?
    /// The store revision and time the visible list was last computed for.
    var listedRevision = -1
    var listedAt: Date?

    public init(options: Options, size: Size, now: Date) {
        self.options = options
        self.now = now
        self.layout = DashboardLayout(size: size)
        self.nextRefreshAt = now
    }

    /// The selected item, if any.
    public var selectedItem: WorkItem? { selectedID.flatMap { store[$0] } }

    /// The row of the selection in `visibleIDs`, kept in step with `selectedID`.
    public internal(set) var selectedIndex: Int?

    /// Counts by state across all items (not just the filtered ones).
    public func countsByState() -> StateCounts { store.counts }

    /// The key scope that receives keys now.
    public var keyScope: KeyScope {
        switch overlay {
        case .help: return .help
        case .filterMenu: return .filterMenu
        case .stopDialog: return .dialog
        case nil: return search.isEditing ? .search : (focus == .list ? .list : .detail)
        }
    }

    mutating func setSize(_ size: Size) { layout = DashboardLayout(size: size) }
}
