/// A watched environment: its id, its name once known, and the profile it was configured in
/// (which API, which label and colour, whether it is production).
///
/// Environment ids are unique across everything watched (the startup refuses the same id in two
/// profiles), so an `ItemRef` names exactly one environment of one API.
public struct WatchedEnvironment: Sendable, Equatable {
    public var id: String
    public var name: String?
    /// The profile's name in the config file ("default" for the one the `ANTHROPIC_*` variables make).
    public var profile: String
    /// What the banner and the ENV column call the profile (the startup passes the profile's name
    /// unless it sets `label`); empty for the implicit profile, which shows environment names.
    public var label: String
    /// The profile's colour, drawn on its label.
    public var color: ProfileColor?
    /// A production profile: a distinct banner, and a force stop needs its label typed.
    public var production: Bool
    /// The runbook rules' thresholds for this environment (the profile's `runbook:`, else the
    /// file's, else the defaults).
    public var runbook = RunbookThresholds()
    /// What may be done here (the profile's `allow:`); `--read-only` overrides it with nothing.
    public var allowed = Set(Permission.allCases)
    /// Write a stop's reason into the item's metadata before the stop (`record_reason: true`).
    public var recordReason = false

    public init(
        id: String, name: String? = nil, profile: String = "default", label: String? = nil,
        color: ProfileColor? = nil, production: Bool = false
    ) {
        self.id = id
        self.name = name
        self.profile = profile
        self.label = label ?? ""
        self.color = color
        self.production = production
    }

    /// The environment's name, else its id.
    public var displayName: String { name.flatMap { $0.isEmpty ? nil : $0 } ?? id }

    /// What the ENV column shows: the label, with the name after it when the profile has several
    /// environments (`shared`), or the name alone for a profile without a label.
    public func tag(shared: Bool) -> String {
        if label.isEmpty { return displayName }
        return shared ? "\(label)/\(displayName)" : label
    }
}
