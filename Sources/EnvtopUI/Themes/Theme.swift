import EnvtopCore
/// A theme: a style for every `ThemeRole`.
///
/// Roles a theme file does not set come from `Theme.default`, so a partial theme always works.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var styles: [ThemeRole: RoleStyle]

    public init(name: String, styles: [ThemeRole: RoleStyle]) {
        self.name = name
        self.styles = styles
    }

    public func style(for role: ThemeRole) -> RoleStyle {
        styles[role] ?? Theme.default.styles[role] ?? RoleStyle()
    }

    /// The style of a cell: its role's style plus the attributes the view added.
    public func resolve(_ style: CellStyle) -> RoleStyle {
        var resolved = self.style(for: style.role)
        resolved.attributes.formUnion(style.attributes)
        return resolved
    }

    /// The built-in look for dark backgrounds, which every other theme falls back to.
    public static let `default` = Theme(name: "default", styles: [
        .normal: RoleStyle(),
        .dim: RoleStyle(foreground: .brightBlack),
        .border: RoleStyle(foreground: .brightBlack),
        .title: RoleStyle(foreground: .brightCyan, attributes: .bold),
        .header: RoleStyle(),
        .headerLabel: RoleStyle(foreground: .cyan),
        .headerValue: RoleStyle(foreground: .brightWhite, attributes: .bold),
        .headerAlert: RoleStyle(foreground: .brightRed, attributes: .bold),
        .columnHeader: RoleStyle(foreground: .black, background: .cyan, attributes: .bold),
        .row: RoleStyle(),
        .selection: RoleStyle(foreground: .black, background: .brightCyan, attributes: .bold),
        .selectionInactive: RoleStyle(foreground: .black, background: .brightBlack),
        .changed: RoleStyle(foreground: .brightCyan, attributes: .bold),
        .marked: RoleStyle(foreground: .brightMagenta, attributes: .bold),
        .stateQueued: RoleStyle(foreground: .brightBlue),
        .stateStarting: RoleStyle(foreground: .cyan),
        .stateActive: RoleStyle(foreground: .brightGreen),
        .stateStopping: RoleStyle(foreground: .brightYellow),
        .stateStopped: RoleStyle(foreground: .brightBlack),
        .stateUnknown: RoleStyle(foreground: .magenta),
        .attention: RoleStyle(foreground: .brightRed, attributes: .bold),
        .detailLabel: RoleStyle(foreground: .cyan),
        .detailValue: RoleStyle(),
        .dialog: RoleStyle(foreground: .brightWhite, background: .blue),
        .dialogTitle: RoleStyle(foreground: .brightWhite, background: .blue, attributes: .bold),
        .dialogButton: RoleStyle(foreground: .white, background: .blue),
        .dialogButtonFocused: RoleStyle(foreground: .black, background: .brightWhite, attributes: .bold),
        .destructive: RoleStyle(foreground: .brightWhite, background: .red, attributes: .bold),
        .error: RoleStyle(foreground: .brightRed, attributes: .bold),
        .stale: RoleStyle(foreground: .yellow, attributes: .dim),
        .ok: RoleStyle(foreground: .green),
        .warning: RoleStyle(foreground: .brightYellow),
        .keyBar: RoleStyle(foreground: .white, background: .brightBlack),
        .keyBarKey: RoleStyle(foreground: .brightWhite, background: .brightBlack, attributes: .bold),
        .search: RoleStyle(foreground: .brightYellow, attributes: .bold),
        .paused: RoleStyle(foreground: .black, background: .yellow, attributes: .bold),
        .readOnly: RoleStyle(foreground: .black, background: .magenta, attributes: .bold),
        .escaped: RoleStyle(foreground: .magenta, attributes: .underline),
        .envRed: RoleStyle(foreground: .brightRed, attributes: .bold),
        .envGreen: RoleStyle(foreground: .brightGreen, attributes: .bold),
        .envYellow: RoleStyle(foreground: .brightYellow, attributes: .bold),
        .envBlue: RoleStyle(foreground: .brightBlue, attributes: .bold),
        .envMagenta: RoleStyle(foreground: .brightMagenta, attributes: .bold),
        .envCyan: RoleStyle(foreground: .brightCyan, attributes: .bold),
        .envWhite: RoleStyle(foreground: .brightWhite, attributes: .bold),
        .bannerProduction: RoleStyle(foreground: .brightWhite, background: .red, attributes: .bold),
    ])

    /// The look without colour (`NO_COLOR`, monochrome terminals): only bold, reverse, underline
    /// (dim is left out: many terminals cannot show it). `themes/mono.yaml` says the same.
    public static let monochrome = Theme(name: "mono", styles: [
        .normal: RoleStyle(),
        .dim: RoleStyle(),
        .border: RoleStyle(),
        .title: RoleStyle(attributes: .bold),
        .header: RoleStyle(),
        .headerLabel: RoleStyle(),
        .headerValue: RoleStyle(attributes: .bold),
        .headerAlert: RoleStyle(attributes: [.bold, .underline]),
        .columnHeader: RoleStyle(attributes: [.bold, .underline]),
        .row: RoleStyle(),
        .selection: RoleStyle(attributes: [.reverse, .bold]),
        .selectionInactive: RoleStyle(attributes: .reverse),
        .changed: RoleStyle(attributes: .bold),
        .marked: RoleStyle(attributes: .bold),
        .stateQueued: RoleStyle(),
        .stateStarting: RoleStyle(attributes: .underline),
        .stateActive: RoleStyle(attributes: .bold),
        .stateStopping: RoleStyle(attributes: [.bold, .underline]),
        .stateStopped: RoleStyle(),
        .stateUnknown: RoleStyle(attributes: .reverse),
        .attention: RoleStyle(attributes: [.bold, .underline]),
        .detailLabel: RoleStyle(attributes: .bold),
        .detailValue: RoleStyle(),
        .dialog: RoleStyle(attributes: .reverse),
        .dialogTitle: RoleStyle(attributes: [.reverse, .bold]),
        .dialogButton: RoleStyle(attributes: .reverse),
        .dialogButtonFocused: RoleStyle(attributes: [.bold, .underline]),
        .destructive: RoleStyle(attributes: [.bold, .underline]),
        .error: RoleStyle(attributes: .bold),
        .stale: RoleStyle(attributes: .underline),
        .ok: RoleStyle(),
        .warning: RoleStyle(attributes: .bold),
        .keyBar: RoleStyle(attributes: .reverse),
        .keyBarKey: RoleStyle(attributes: [.reverse, .bold]),
        .search: RoleStyle(attributes: .bold),
        .paused: RoleStyle(attributes: [.reverse, .bold]),
        .readOnly: RoleStyle(attributes: [.reverse, .bold]),
        .escaped: RoleStyle(attributes: .underline),
        .envRed: RoleStyle(attributes: .bold),
        .envGreen: RoleStyle(attributes: .bold),
        .envYellow: RoleStyle(attributes: .bold),
        .envBlue: RoleStyle(attributes: .bold),
        .envMagenta: RoleStyle(attributes: .bold),
        .envCyan: RoleStyle(attributes: .bold),
        .envWhite: RoleStyle(attributes: .bold),
        .bannerProduction: RoleStyle(attributes: [.reverse, .bold, .underline]),
    ])
}
