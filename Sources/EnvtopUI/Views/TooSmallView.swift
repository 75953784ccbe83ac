import EnvtopCore
/// What shows below `DashboardLayout.minimumSize`: how big the terminal must be, instead of a
/// garbled dashboard. Resizing back redraws the dashboard without a restart.
struct TooSmallView: Widget, Sendable, Equatable {
    /// What is open, unseen, and still takes keys.
    enum OpenModal: Sendable, Equatable {
        case stopDialog(workID: String)
        case other(String)
    }

    var open: OpenModal?

    func render(in area: Rect, on screen: inout Screen) {
        screen.fill(area, style: .normal)
        guard area.width > 0, area.height > 0 else { return }
        let minimum = DashboardLayout.minimumSize
        var message: [(String, CellStyle)] = [
            ("Terminal too small", CellStyle(.error, .bold)),
            ("envtop needs at least \(minimum.width)x\(minimum.height); this one is \(area.width)x\(area.height).", .normal),
            ("Make the window larger, or press q to quit.", CellStyle(.dim)),
        ]
        switch open {
        case .stopDialog(let workID):
            // Keys still reach the dialog: say so, rather than let a blind y stop something.
            message.append(("A stop confirmation for \(workID) is open: Esc cancels it.", CellStyle(.destructive, .bold)))
        case .other(let name):
            // Any other modal still takes every key, unseen.
            message.append(("\(name) is open: Esc closes it.", CellStyle(.warning, .bold)))
        case nil:
            break
        }
        var rows: [(String, CellStyle)] = []
        for (text, style) in message {
            for piece in TextWrap.lines(text, width: max(1, area.width - 2)) { rows.append((piece, style)) }
        }
        let top = area.y + max(0, (area.height - rows.count) / 2)
        for (i, row) in rows.enumerated() where top + i < area.maxY {
            let w = min(SafeText.width(row.0), area.width)
            screen.write(row.0, x: area.x + max(0, (area.width - w) / 2), y: top + i, maxWidth: area.width, style: row.1)
        }
    }
}
