/// What the config file (or the command line) says; nil means "not said here".
///
/// The same shape serves both sources, so `EnvtopSettings.merge` can apply one rule to every
/// field: the command line, then the config file, then the built-in default.
public struct EnvtopConfig: Sendable, Hashable {
    public var environment: String?
    public var baseURL: String?
    public var workspace: String?
    /// Seconds between refreshes (at least 0.5).
    public var refresh: Double?
    public var readOnly: Bool?
    /// A theme name or path.
    public var theme: String?
    public var logFile: String?
    public var leaseTTLSeconds: Double?
    public var stoppingGraceSeconds: Double?
    public var startingGraceSeconds: Double?
    public var queuedGraceSeconds: Double?
    /// `bell:`: ring the terminal bell when a runbook rule starts failing (default on).
    public var bell: Bool?
    /// `mouse:`: report the mouse (default on; off leaves a plain drag for selecting text).
    public var mouse: Bool?
    /// `audit:`: keep the audit log of actions (default on; off lets actions go without one).
    public var audit: Bool?
    /// `batch_stops_per_second:`: the pace of a batch stop (default 5).
    public var batchStopsPerSecond: Double?
    /// `max_retry_after:`: the longest wait a rate-limited API's `retry-after` can impose on the
    /// refresh cycle, in seconds (default 60).
    public var maxRetryAfter: Double?
    /// `max_response_mib:`: the largest answer envtop reads from the API, in MiB (default 32).
    public var maxResponseMiB: Double?
    /// `keys:`: the key table with the config's changes; nil without the section.
    public var keys: KeyBindings?
    /// `views:`: saved searches (name: query) on the number keys after the built-ins.
    public var views: [SavedView] = []
    /// The top-level `runbook:` thresholds, for every profile that does not set its own.
    public var runbook = RunbookConfig()
    /// The `profiles:` section, in file order; empty without one (the `ANTHROPIC_*` variables and
    /// the top-level keys then make the only profile). Never set from the command line.
    public var profiles: [ProfileConfig]

    public init(
        environment: String? = nil, baseURL: String? = nil, workspace: String? = nil, refresh: Double? = nil,
        readOnly: Bool? = nil, theme: String? = nil, logFile: String? = nil,
        leaseTTLSeconds: Double? = nil, stoppingGraceSeconds: Double? = nil,
        startingGraceSeconds: Double? = nil, queuedGraceSeconds: Double? = nil, profiles: [ProfileConfig] = []
    ) {
        self.environment = environment
        self.baseURL = baseURL
        self.workspace = workspace
        self.refresh = refresh
        self.readOnly = readOnly
        self.theme = theme
        self.logFile = logFile
        self.leaseTTLSeconds = leaseTTLSeconds
        self.stoppingGraceSeconds = stoppingGraceSeconds
        self.startingGraceSeconds = startingGraceSeconds
        self.queuedGraceSeconds = queuedGraceSeconds
        self.profiles = profiles
    }

    /// The smallest refresh interval, shared with the `--refresh` check.
    public static let minimumRefresh = 0.5
}
