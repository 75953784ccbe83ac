/// What a key binding does. Dispatch and every piece of help text come from `KeyMap`.
public enum Action: Sendable, Hashable {
    // Movement
    case moveUp, moveDown, pageUp, pageDown, halfPageUp, halfPageDown, top, bottom
    // Focus
    case focusDetail, focusList
    // List tools
    case search, filter, sort, refresh, pause, switchEnvironment
    // Actions on the selected item
    case stop, forceStop, toggleMark, markAll, clearMarks, stopAttention, editMetadata
    // Program
    case help, quit, savedView, cycleTheme, redraw, toggleHistory, toggleTimes, copyID, copyJSON, showStops
    // Modal scopes
    case close
    case searchAccept, searchDeleteBackward, deleteBackward
    case dialogConfirm, dialogActivate, dialogSwitchButton, dialogReason
    case menuUp, menuDown, menuSelect
    case metadataAdd, metadataDelete, metadataReview
}

/// Where a binding applies. Modal scopes take every key while they are open.
public enum KeyScope: String, Sendable, Hashable, CaseIterable {
    case global = "Anywhere"
    case list = "Work list"
    case detail = "Detail pane"
    case search = "Search line"
    case dialog = "Stop confirmation"
    /// A production force stop: the environment's label must be typed.
    case typedConfirm = "Typed confirmation"
    /// Writing the reason in a stop dialog.
    case reasonField = "Stop reason"
    case switcher = "Environment switcher"
    case filterMenu = "Filter menu"
    case metadataEditor = "Metadata editor"
    /// Typing a key or a value in the metadata editor.
    case metadataField = "Metadata field"
    case help = "Help"
}

/// One row of the key table.
public struct Binding: Sendable, Hashable {
    public var keys: [Key]
    public var action: Action
    public var scope: KeyScope
    /// How the keys are written in the key bar and help, e.g. "↑/k".
    public var label: String
    public var help: String
    /// Changes something on the server; disabled in read-only mode and drawn in the destructive role.
    public var isDestructive: Bool
    /// Shown in the one-line key bar (everything is shown in `?` help).
    public var inKeyBar: Bool

    public init(
        _ keys: [Key], _ action: Action, _ scope: KeyScope, label: String, help: String,
        destructive: Bool = false, bar: Bool = false
    ) {
        self.keys = keys
        self.action = action
        self.scope = scope
        self.label = label
        self.help = help
        self.isDestructive = destructive
        self.inKeyBar = bar
    }
}
