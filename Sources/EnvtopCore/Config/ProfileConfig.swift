/// One `profiles:` entry of the config file: an API to talk to, which of its environments to
/// watch, and how the dashboard marks them.
///
/// Every value keeps the line it came from, so the startup checks that need the network (an
/// unknown environment id, an unreadable key file) can still point at the file and the line.
public struct ProfileConfig: Sendable, Hashable {
    /// The profile's key under `profiles:`.
    public var name: String
    /// The line of that key.
    public var line: Int
    /// `base_url`: always `http://` or `https://`.
    public var baseURL: String
    public var environments: EnvironmentSelection
    /// `workspace`: sent as `anthropic-workspace-id` when set.
    public var workspace: String?
    /// Where the API key comes from; nil: `ANTHROPIC_API_KEY`.
    public var apiKey: KeySource?
    /// Where the environment key comes from; nil: `ANTHROPIC_ENVIRONMENT_KEY`.
    public var environmentKey: KeySource?
    /// What the banner and the ENV column show: `label`, or the name.
    public var label: String
    public var color: ProfileColor?
    /// `production: true` asks for more care (a distinct banner, a typed label to force stop).
    public var production: Bool
    /// The profile's own `runbook:` thresholds (unset ones come from the file's top level).
    public var runbook = RunbookConfig()
    /// The actions allowed in this profile's environments (`allow:`); every one without it.
    public var allow = Set(Permission.allCases)
    /// `record_reason: true`: a stop's reason is written to the item's metadata before the stop.
    public var recordReason = false

    public init(
        name: String, line: Int, baseURL: String, environments: EnvironmentSelection, workspace: String? = nil,
        apiKey: KeySource? = nil, environmentKey: KeySource? = nil, label: String? = nil,
        color: ProfileColor? = nil, production: Bool = false
    ) {
        self.name = name
        self.line = line
        self.baseURL = baseURL
        self.environments = environments
        self.workspace = workspace
        self.apiKey = apiKey
        self.environmentKey = environmentKey
        self.label = label ?? name
        self.color = color
        self.production = production
    }

    /// The keys a profile takes, in the order the docs list them.
    public static let keys = [
        "base_url", "environments", "workspace", "api_key_env", "api_key_file", "api_key_command",
        "environment_key_env", "environment_key_file", "environment_key_command", "label", "color", "production",
        "runbook", "allow", "record_reason",
    ]
}
