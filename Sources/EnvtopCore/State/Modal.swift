/// One modal overlay: while open it takes every key (its `scope`), decides what an action means
/// (`handle`, pure), and is drawn by its own widget. Adding a modal is one type conforming to this
/// and one `Overlay` case; the state carries out the `ModalOutcome`.
public protocol Modal: Sendable, Equatable {
    /// The key scope that receives keys while this modal is open.
    var scope: KeyScope { get }
    /// What `action` means here: the modal changes itself, the state does the rest.
    mutating func handle(_ action: Action) -> ModalOutcome
}

/// What a modal asks the state to do after a key.
public enum ModalOutcome: Sendable, Equatable {
    /// Stay open (the modal may have changed itself).
    case stay
    case close
    case notice(Notice)
    case applyFilter(StateFilter)
    /// Show all environments, or one (the switcher).
    case chooseScope(EnvironmentScope)
    case confirmStop
    case cancelStop
    /// The batch dialog was confirmed: send its stops, paced.
    case confirmBatch
    /// The metadata editor's patch was confirmed: send it.
    case sendMetadata
}

/// The `?` overlay: scrolls by line and page, any other key closes it. The scroll is clamped
/// here, against the help's length and the screen, so it never runs past the end.
public struct HelpModal: Modal {
    public internal(set) var scroll = 0
    /// Rows of text (the help's lines spread over its columns).
    public internal(set) var rows = 0
    /// Rows shown at once.
    public internal(set) var page = 1

    /// Fitted to the screen and the text by the state (`AppState.fittedHelp`) when it opens.
    public init() {}

    public var scope: KeyScope { .help }

    public var maxScroll: Int { max(0, rows - page) }

    /// A new screen size or text: the same scroll where it still fits.
    mutating func fit(rows: Int, page: Int) {
        self.rows = rows
        self.page = max(1, page)
        scroll = min(scroll, maxScroll)
    }

    public mutating func handle(_ action: Action) -> ModalOutcome {
        switch action {
        case .moveUp: scroll -= 1
        case .moveDown: scroll += 1
        case .pageUp: scroll -= page
        case .pageDown: scroll += page
        case .top: scroll = 0
        case .bottom: scroll = maxScroll
        default: return .close
        }
        scroll = min(max(0, scroll), maxScroll)
        return .stay
    }
}

/// The filter menu: one line per `StateFilter`, Enter applies the highlighted one.
public struct FilterMenu: Modal {
    public internal(set) var selected: Int
    /// Under an active search, what each filter would show with it (counted when the menu
    /// opens); nil without one, when the live totals are the counts.
    public internal(set) var searchCounts: FilterCounts?

    public init(current: StateFilter, searchCounts: FilterCounts? = nil) {
        selected = StateFilter.allCases.firstIndex(of: current) ?? 0
        self.searchCounts = searchCounts
    }

    public var scope: KeyScope { .filterMenu }

    public mutating func handle(_ action: Action) -> ModalOutcome {
        let count = StateFilter.allCases.count
        switch action {
        case .menuUp: selected = (selected + count - 1) % count
        case .menuDown: selected = (selected + 1) % count
        case .menuSelect: return .applyFilter(StateFilter.allCases[selected])
        default: return .close
        }
        return .stay
    }
}
