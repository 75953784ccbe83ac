import EnvtopCore
/// Which columns the work list shows at a width, and where.
///
/// Ids (`work_` + 24) and the state stay whole as long as possible; the least important columns
/// go first as the list narrows: the metadata in the notes shrinks, then the session, then the
/// ages turn compact ("12m" for "12m03s"), and only then does the id lose its `work_` prefix and
/// its tail. A row never wraps: every column has a fixed width and the notes take what is left.
public struct WorkColumns: Sendable, Equatable {
    public enum Column: Sendable, Equatable, CaseIterable {
        case environment, id, state, session, age, inState, heartbeat, note
    }

    /// One column's place in the row.
    public struct Slot: Sendable, Equatable {
        public var column: Column
        public var x: Int
        public var width: Int
        public var alignRight: Bool
        public var title: String
    }

    /// Selection marker (or batch mark), attention marker, change mark.
    public static let leadWidth = 3
    static let fullIDWidth = 29  // work_ + 24
    static let fullSessionWidth = 32  // session_ + 24
    static let stateWidth = 10  // "◑ stopping"
    static let minimumNoteWidth = 16
    static let minimumSessionWidth = 16
    static let minimumIDWidth = 12

    public var width: Int
    public var slots: [Slot]
    /// Ages as "12m" rather than "12m03s".
    public var compactAges: Bool
    /// Ids shown without their `work_` prefix because the full id does not fit.
    public var shortIDs: Bool
    /// Sessions shown without their `session_` prefix.
    public var shortSessions: Bool
    /// The time columns show UTC clock times (`a`), not ages.
    public var absoluteTimes = false

    public func slot(_ column: Column) -> Slot? { slots.first { $0.column == column } }

    /// The widest ENV column: longer tags are cut.
    public static let maxEnvironmentWidth = 18

    /// The plan for a list `width` columns wide (including the lead), with an ENV column
    /// `environmentWidth` wide first (the merged view) when it is not zero: the other columns
    /// plan for what is left, as on a narrower screen.
    public static func plan(width: Int, environmentWidth: Int, absoluteTimes: Bool = false) -> WorkColumns {
        let env = min(maxEnvironmentWidth, max(3, environmentWidth))
        guard environmentWidth > 0, width - env - 1 >= DashboardLayout.minimumSize.width - 8 else {
            return plan(width: width, absoluteTimes: absoluteTimes)
        }
        var columns = plan(width: width - env - 1, absoluteTimes: absoluteTimes)
        columns.width = width
        columns.slots = columns.slots.map { slot in
            var moved = slot
            moved.x += env + 1
            return moved
        }
        columns.slots.insert(Slot(column: .environment, x: leadWidth, width: env, alignRight: false, title: "ENV"), at: 0)
        return columns
    }

    /// The plan for a list `width` columns wide (including the lead). With `absoluteTimes` the
    /// three time columns hold UTC clock times: "12:03:55", or "12:03" when compact.
    public static func plan(width: Int, absoluteTimes: Bool = false) -> WorkColumns {
        func timeWidths(compact: Bool) -> [Int] {
            if absoluteTimes { return compact ? [5, 5, 5] : [8, 8, 8] }
            return compact ? [4, 4, 4] : [6, 8, 6]
        }
        func base(compact: Bool, id: Int) -> Int {
            let ages = timeWidths(compact: compact).reduce(0) { $0 + 1 + $1 }
            return leadWidth + id + 1 + stateWidth + ages
        }
        let compact = width < base(compact: false, id: fullIDWidth) + 1 + minimumNoteWidth
        var idWidth = fullIDWidth
        var rest = width - base(compact: compact, id: idWidth)
        if rest < 1 + minimumNoteWidth {
            idWidth = max(minimumIDWidth, idWidth - (1 + minimumNoteWidth - rest))
            rest = width - base(compact: compact, id: idWidth)
        }
        var sessionWidth = min(fullSessionWidth, rest - 1 - minimumNoteWidth - 1)
        if sessionWidth < minimumSessionWidth { sessionWidth = 0 }
        let noteWidth = rest - 1 - (sessionWidth > 0 ? sessionWidth + 1 : 0)

        var slots: [Slot] = []
        var x = leadWidth
        func add(_ column: Column, _ w: Int, _ title: String, right: Bool = false) {
            guard w > 0 else { return }
            slots.append(Slot(column: column, x: x, width: w, alignRight: right, title: title))
            x += w + 1
        }
        add(.id, idWidth, "ID")
        add(.state, stateWidth, "STATE")
        add(.session, sessionWidth, "SESSION")
        let times = timeWidths(compact: compact)
        if absoluteTimes {
            add(.age, times[0], compact ? "MADE" : "CREATED", right: true)
            add(.inState, times[1], "SINCE", right: true)
            add(.heartbeat, times[2], compact ? "BEAT" : "BEAT AT", right: true)
        } else {
            add(.age, times[0], "AGE", right: true)
            add(.inState, times[1], compact ? "FOR" : "IN STATE", right: true)
            add(.heartbeat, times[2], "BEAT", right: true)
        }
        add(.note, noteWidth, "NOTES")
        return WorkColumns(
            width: width, slots: slots, compactAges: compact, shortIDs: idWidth < fullIDWidth,
            shortSessions: sessionWidth > 0 && sessionWidth < fullSessionWidth, absoluteTimes: absoluteTimes)
    }
}
