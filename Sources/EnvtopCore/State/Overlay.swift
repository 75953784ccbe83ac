/// What is open on top of the dashboard. Esc closes any of them at once.
public enum Overlay: Sendable, Equatable {
    case help
    case filterMenu(selected: Int)
    case stopDialog(StopDialog)
}

/// Which pane receives movement keys.
public enum Focus: Sendable, Equatable {
    case list
    case detail
}

/// The search line: typed text, and whether it is being edited.
public struct SearchState: Sendable, Equatable {
    public var field = TextField()
    public var isEditing: Bool = false
    public init() {}

    public var query: String { field.text }
}
