import EnvtopCore

/// The work list: a column-title row, then the rows given (the first at the top of the body).
///
/// `area` is the whole list: its top row holds the titles, the rest the rows. Only the rows on
/// screen are built (by `DashboardView.workTable`), so painting costs the same for 50 items or
/// 100,000.
public struct WorkTable: Widget, Sendable, Equatable {
    /// What the list says instead of rows: loading, nothing loaded because of an error, empty.
    public struct Message: Sendable, Equatable {
        public var text: String
        public var role: ThemeRole

        public init(_ text: String, role: ThemeRole) {
            self.text = text
            self.role = role
        }
    }

    /// The column plan the rows were built for.
    public var columns: WorkColumns
    /// The rows to draw, top first; at most the body's height of them is drawn.
    public var rows: [WorkRow]
    /// The index in `rows` of the selected row, if it is among them.
    public var selectedRow: Int?
    /// Whether the list has the keyboard focus (selection role `selection`, else `selectionInactive`).
    public var hasFocus: Bool
    /// The data is stale: the titles are drawn in the `stale` role, reversed.
    public var isStale: Bool
    /// Where the selection is ("3/340", "STALE 3/340", …), at the right end of the title row.
    public var position: String
    /// Shown instead of the rows when set.
    public var emptyMessage: Message?

    public init(
        columns: WorkColumns, rows: [WorkRow], selectedRow: Int?, hasFocus: Bool, isStale: Bool,
        position: String, emptyMessage: Message?
    ) {
        self.columns = columns
        self.rows = rows
        self.selectedRow = selectedRow
        self.hasFocus = hasFocus
        self.isStale = isStale
        self.position = position
        self.emptyMessage = emptyMessage
    }

    public func render(in area: Rect, on screen: inout Screen) {
        let (titles, body) = area.splitTop(1)
        Self.drawTitles(columns: columns, isStale: isStale, position: position, in: titles, into: &screen)
        screen.fill(body, style: CellStyle(.row))
        if let message = emptyMessage {
            for (i, line) in TextWrap.lines(message.text, width: max(1, body.width - 4)).prefix(body.height).enumerated() {
                screen.write(line, x: body.x + 2, y: body.y + i, maxWidth: body.width - 2, style: CellStyle(message.role))
            }
            return
        }
        let selectionRole: ThemeRole = hasFocus ? .selection : .selectionInactive
        for (i, row) in rows.prefix(max(0, body.height)).enumerated() {
            row.draw(
                into: &screen, x: body.x, y: body.y + i, columns: columns,
                selection: i == selectedRow ? selectionRole : nil)
        }
    }

    /// The column titles; drawn in the `stale` role while the data is stale, with the position.
    static func drawTitles(
        columns: WorkColumns, isStale: Bool, position: String, in rect: Rect, into screen: inout Screen
    ) {
        guard !rect.isEmpty else { return }
        let style = CellStyle(isStale ? .stale : .columnHeader, isStale ? [.reverse] : [])
        screen.fill(rect, style: style)
        for slot in columns.slots {
            if slot.alignRight {
                screen.writePadded(slot.title, x: rect.x + slot.x, y: rect.y, width: slot.width, style: style, alignRight: true)
            } else {
                screen.write(slot.title, x: rect.x + slot.x, y: rect.y, maxWidth: slot.width, style: style)
            }
        }
        // Where the selection is, at the right end, over the notes title when there is room.
        let w = SafeText.width(position)
        let noteTitleEnd = columns.slot(.note).map { $0.x + SafeText.width($0.title) + 1 } ?? rect.width
        if !position.isEmpty, rect.width - w - 1 >= noteTitleEnd {
            screen.write(position, x: rect.maxX - w - 1, y: rect.y, maxWidth: w, style: style)
        }
    }
}
