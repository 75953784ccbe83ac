/// What is open on top of the dashboard: one `Modal`. Esc closes any of them at once.
public enum Overlay: Sendable, Equatable {
    case help(HelpModal)
    case filterMenu(FilterMenu)
    case stopDialog(StopDialog)
    case batchDialog(BatchStopDialog)
    case switcher(EnvironmentSwitcher)
    case stops(StopsPanel)
    case metadata(MetadataEditor)

    /// The open modal, whichever it is.
    var modal: any Modal {
        switch self {
        case .help(let m): m
        case .filterMenu(let m): m
        case .stopDialog(let m): m
        case .batchDialog(let m): m
        case .switcher(let m): m
        case .stops(let m): m
        case .metadata(let m): m
        }
    }

    public var scope: KeyScope { modal.scope }

    /// Scopes in which printable keys and pastes are text for the open modal's field.
    static let textScopes: Set<KeyScope> = [.typedConfirm, .reasonField, .metadataField]

    /// Gives typed or pasted text to the open modal's field, when its scope takes text; false
    /// when it does not (the text is then not for it).
    mutating func type(_ text: String) -> Bool {
        guard Self.textScopes.contains(scope) else { return false }
        switch self {
        case .stopDialog(var m):
            m.type(text)
            self = .stopDialog(m)
        case .batchDialog(var m):
            m.type(text)
            self = .batchDialog(m)
        case .metadata(var m):
            m.type(text)
            self = .metadata(m)
        case .help, .filterMenu, .switcher, .stops:
            return false
        }
        return true
    }

    /// Lets the open modal handle an action; returns what the state must do.
    mutating func handle(_ action: Action) -> ModalOutcome {
        switch self {
        case .help(var m):
            defer { self = .help(m) }
            return m.handle(action)
        case .filterMenu(var m):
            defer { self = .filterMenu(m) }
            return m.handle(action)
        case .stopDialog(var m):
            defer { self = .stopDialog(m) }
            return m.handle(action)
        case .batchDialog(var m):
            defer { self = .batchDialog(m) }
            return m.handle(action)
        case .switcher(var m):
            defer { self = .switcher(m) }
            return m.handle(action)
        case .stops(var m):
            defer { self = .stops(m) }
            return m.handle(action)
        case .metadata(var m):
            defer { self = .metadata(m) }
            return m.handle(action)
        }
    }
}

/// Which pane receives movement keys.
public enum Focus: Sendable, Equatable {
    case list
    case detail
}

/// The search line: typed text, whether it is being edited, and the query it last read without
/// error. While the text has an error the list keeps showing `parsed`, and the line says where.
public struct SearchState: Sendable, Equatable {
    public var field = TextField()
    public var isEditing: Bool = false
    /// The last text that read as a query: what the list shows.
    public private(set) var parsed = SearchQuery.empty
    /// The text `parsed` was read from.
    public private(set) var parsedText = ""
    /// What is wrong with the text typed, if anything.
    public private(set) var error: QuerySyntaxError?

    public init() {}

    /// A search line holding `text`, read (a saved view, a test).
    public init(text: String) {
        field.insert(text)
        reparse()
    }

    public var query: String { field.text }

    /// Reads the text again; keeps the previous query when it does not read.
    mutating func reparse() {
        switch SearchQuery.parse(query) {
        case .success(let q):
            parsed = q
            parsedText = query
            error = nil
        case .failure(let e):
            error = e
        }
    }
}
