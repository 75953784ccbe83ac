/// Where each part of the dashboard goes for a terminal size.
///
/// Pure and shared: the views draw into these rectangles and the reducer uses the same numbers to
/// turn a mouse click into a row and to size page movements, so the two can never disagree.
public struct DashboardLayout: Sendable, Equatable {
    /// Below this the dashboard shows only a message saying how big the terminal must be.
    public static let minimumSize = Size(width: 60, height: 16)
    /// From this width on, the detail pane sits beside the list instead of below it: below it the
    /// list keeps every column (id, state, session, ages, notes) up to 139 columns.
    public static let sideBySideWidth = 140
    /// Title, connection, queue stats, trends, runbook health, state counts: the header of one
    /// environment (the trends row goes below `roomyHeight` rows).
    public static let headerHeight = 6
    /// From this terminal height on the header has room for the trends row.
    public static let roomyHeight = 24
    /// The narrowest detail pane beside the list: a label column and a full session id.
    public static let minimumDetailWidth = 56

    public var size: Size
    public var isTooSmall: Bool
    public var sideBySide: Bool
    /// One environment: title, connection, queue, trends, health and state counts (`headerHeight` rows).
    /// Several: the title, a line per environment, and the counts across them.
    public var header: Rect
    /// The column-title row of the list.
    public var listHeader: Rect
    /// One row per work item.
    public var listBody: Rect
    /// The separator between list and detail: a column (side by side) or a row (stacked).
    public var divider: Rect
    /// The detail pane's title row.
    public var detailTitle: Rect
    /// The scrollable detail text (one column in from the pane's edge).
    public var detailBody: Rect
    /// Search line, flash messages, filter and sort.
    public var status: Rect
    /// Key hints from the key table.
    public var keyBar: Rect

    /// The header's height when `environments` are shown together: the title, one line each and
    /// the totals, but never more than a third of the screen (the last line then says how many
    /// more there are), and never less than four rows. One environment: `headerHeight` rows, one
    /// fewer (no trends row) on a terminal shorter than `roomyHeight`.
    public static func headerHeight(environments: Int, size: Size) -> Int {
        let single = size.height >= roomyHeight ? headerHeight : headerHeight - 1
        guard environments > 1 else { return single }
        return max(4, min(2 + environments, size.height / 3))
    }

    public init(size: Size, headerHeight: Int = Self.headerHeight) {
        self.size = size
        let full = Rect(x: 0, y: 0, width: size.width, height: size.height)
        isTooSmall = size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
        sideBySide = size.width >= Self.sideBySideWidth
        let (header, rest) = full.splitTop(headerHeight)
        let (body, bottom) = rest.splitBottom(2)
        let (status, keyBar) = bottom.splitTop(1)
        self.header = header
        self.status = status
        self.keyBar = keyBar
        if sideBySide {
            let detailWidth = max(Self.minimumDetailWidth, size.width * 3 / 8)
            let (listArea, right) = body.splitLeft(body.width - detailWidth - 1)
            let (divider, detailArea) = right.splitLeft(1)
            (listHeader, listBody) = listArea.splitTop(1)
            self.divider = divider
            (detailTitle, detailBody) = detailArea.splitTop(1)
            detailBody = detailBody.splitLeft(1).1  // one blank column after the divider
        } else {
            let listHeight = max(4, body.height * 11 / 20)
            let (listArea, detailArea) = body.splitTop(listHeight)
            (listHeader, listBody) = listArea.splitTop(1)
            divider = Rect(x: detailArea.x, y: detailArea.y, width: 0, height: 0)
            (detailTitle, detailBody) = detailArea.splitTop(1)
            detailBody = detailBody.splitLeft(1).1  // aligned with the header text
        }
    }

    /// Rows of items visible at once: the unit of PgUp/PgDn.
    public var pageRows: Int { max(1, listBody.height) }
}
