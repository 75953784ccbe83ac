import EnvtopModels

/// One line of the detail pane: a label and a value, or a section title.
public struct DetailLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case field, section, text, attention }
    public var kind: Kind
    public var label: String
    public var value: String
    public var role: ThemeRole

    public init(_ kind: Kind, label: String = "", value: String = "", role: ThemeRole = .detailValue) {
        self.kind = kind
        self.label = label
        self.value = value
        self.role = role
    }
}

/// The content of the detail pane for the selected item, as lines of a given width.
///
/// Shared by the view (which draws a window of it) and the reducer (which bounds scrolling).
public enum DetailLines {
    public static func build(state: AppState, width: Int) -> [DetailLine] {
        guard let item = state.selectedItem else { return [] }
        var lines: [DetailLine] = [
            DetailLine(.field, label: "id", value: item.id),
            DetailLine(.field, label: "state", value: item.state.rawValue),
            DetailLine(.field, label: "session", value: item.sessionID),
        ]
        for (key, value) in item.metadata.sorted(by: { $0.key < $1.key }) {
            lines.append(DetailLine(.field, label: key, value: value))
        }
        return lines
    }
}
