/// The semantic roles a theme assigns colours and attributes to.
///
/// Views never name a colour: they name a role, and the terminal resolves it through the theme at
/// paint time. The raw value is the key used in theme files.
public enum ThemeRole: String, Sendable, Hashable, CaseIterable, Codable {
    case normal
    case dim
    case border
    case title
    case header
    case headerLabel = "header.label"
    case headerValue = "header.value"
    case headerAlert = "header.alert"
    case columnHeader = "list.header"
    case row = "list.row"
    case selection = "list.selected"
    case selectionInactive = "list.selected.inactive"
    /// The mark of a row that is new or changed since the refresh before (`+`, `*`).
    case changed = "list.changed"
    /// The mark of a row marked for a batch (`•`).
    case marked = "list.marked"
    case stateQueued = "state.queued"
    case stateStarting = "state.starting"
    case stateActive = "state.active"
    case stateStopping = "state.stopping"
    case stateStopped = "state.stopped"
    case stateUnknown = "state.unknown"
    case attention
    case detailLabel = "detail.label"
    case detailValue = "detail.value"
    case dialog
    case dialogTitle = "dialog.title"
    case dialogButton = "dialog.button"
    case dialogButtonFocused = "dialog.button.focused"
    case destructive
    case error
    case stale
    case ok
    case warning
    case keyBar = "keybar"
    case keyBarKey = "keybar.key"
    case search
    case paused
    case readOnly = "readonly"
    /// Control characters and escape sequences from the API, shown as visible escapes.
    case escaped
    /// A profile's label in the colour the profile chose (`color:` in the config).
    case envRed = "env.red", envGreen = "env.green", envYellow = "env.yellow", envBlue = "env.blue"
    case envMagenta = "env.magenta", envCyan = "env.cyan", envWhite = "env.white"
    /// The banner (title row) of a production environment, and its PRODUCTION marker.
    case bannerProduction = "banner.production"

    /// The role of a profile's colour; a profile without one draws its label as a header value.
    public static func environment(_ color: ProfileColor?) -> ThemeRole {
        switch color {
        case .red: .envRed
        case .green: .envGreen
        case .yellow: .envYellow
        case .blue: .envBlue
        case .magenta: .envMagenta
        case .cyan: .envCyan
        case .white: .envWhite
        case nil: .headerValue
        }
    }
}
