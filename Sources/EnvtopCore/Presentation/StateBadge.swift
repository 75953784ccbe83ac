import EnvtopModels

/// How a work state looks: a symbol and a word (readable without colour) and a theme role.
public struct StateBadge: Sendable, Equatable {
    public var symbol: String
    public var word: String
    public var role: ThemeRole

    /// "● active".
    public var text: String { "\(symbol) \(word)" }

    public static func of(_ state: WorkState) -> StateBadge {
        switch state {
        case .queued: StateBadge(symbol: "○", word: "queued", role: .stateQueued)
        case .starting: StateBadge(symbol: "◔", word: "starting", role: .stateStarting)
        case .active: StateBadge(symbol: "●", word: "active", role: .stateActive)
        case .stopping: StateBadge(symbol: "◑", word: "stopping", role: .stateStopping)
        case .stopped: StateBadge(symbol: "✕", word: "stopped", role: .stateStopped)
        case .unknown(let raw): StateBadge(symbol: "?", word: raw, role: .stateUnknown)
        }
    }

    /// The marker of an item that needs an operator: ASCII, so it is one column on every terminal.
    public static let attentionMarker = "!"
    /// The marker of the selected row, so the selection survives a monochrome terminal.
    /// Marks a row marked for a batch stop, in the lead column.
    public static let batchMarker = "•"
    public static let selectionMarker = "▶"
}
