import EnvtopCore
/// A theme as its file describes it: what the file says, and the full theme it gives.
///
/// The format is written up in `themes/README.md`. In short: a `palette` of named colours, and
/// `roles` giving each `ThemeRole` (by its raw value, e.g. `list.selected`) a `fg`, `bg` and
/// `attrs`. Roles the file leaves out come from `Theme.default`, and a role that leaves `fg` or
/// `bg` out takes the `normal` role's, so a theme with its own background colours the whole
/// screen by setting it once.
public struct ThemeFile: Sendable, Hashable {
    /// The name `--theme` and the `t` key use: the file name without `.yaml`.
    public var name: String
    /// One line for `--list-themes`.
    public var description: String?
    public var background: ThemeBackground
    public var palette: [String: ThemeColor]
    /// The roles the file sets itself, as written.
    public var roles: [ThemeRole: RoleStyle]
    /// The whole theme: every role, ready to paint.
    public let theme: Theme

    public init(
        name: String, description: String? = nil, background: ThemeBackground = .dark,
        palette: [String: ThemeColor] = [:], roles: [ThemeRole: RoleStyle] = [:]
    ) {
        self.name = name
        self.description = description
        self.background = background
        self.palette = palette
        self.roles = roles
        self.theme = ThemeFile.complete(name: name, roles: roles)
    }

    /// The file's roles over the default, then `normal`'s colours for every unset `fg`/`bg`.
    static func complete(name: String, roles: [ThemeRole: RoleStyle]) -> Theme {
        var styles = Theme.default.styles.merging(roles) { _, fromFile in fromFile }
        let base = styles[.normal] ?? RoleStyle()
        for role in ThemeRole.allCases {
            var style = styles[role] ?? RoleStyle()
            if style.foreground == nil { style.foreground = base.foreground }
            if style.background == nil { style.background = base.background }
            styles[role] = style
        }
        return Theme(name: name, styles: styles)
    }
}
