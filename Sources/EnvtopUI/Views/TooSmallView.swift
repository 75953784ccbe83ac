import EnvtopCore
/// What shows below `DashboardLayout.minimumSize`: how big the terminal must be, instead of a
/// garbled dashboard. Resizing back redraws the dashboard without a restart.
public enum TooSmallView {
    public static func draw(_ state: AppState, into screen: inout Screen) {
        screen.fill(screen.bounds, style: .normal)
        guard screen.width > 0, screen.height > 0 else { return }
        let minimum = DashboardLayout.minimumSize
        var message: [(String, CellStyle)] = [
            ("Terminal too small", CellStyle(.error, .bold)),
            ("envtop needs at least \(minimum.width)x\(minimum.height); this one is \(screen.width)x\(screen.height).", .normal),
            ("Make the window larger, or press q to quit.", CellStyle(.dim)),
        ]
        if case .stopDialog(let dialog) = state.overlay {
            // Keys still reach the dialog: say so, rather than let a blind y stop something.
            message.append(("A stop confirmation for \(dialog.workID) is open: Esc cancels it.", CellStyle(.destructive, .bold)))
        } else if let overlay = state.overlay {
            // Any other modal still takes every key, unseen.
            message.append(("\(overlay.scope.rawValue) is open: Esc closes it.", CellStyle(.warning, .bold)))
        }
        var rows: [(String, CellStyle)] = []
        for (text, style) in message {
            for piece in TextWrap.lines(text, width: max(1, screen.width - 2)) { rows.append((piece, style)) }
        }
        let top = max(0, (screen.height - rows.count) / 2)
        for (i, row) in rows.enumerated() where top + i < screen.height {
            let w = min(SafeText.width(row.0), screen.width)
            screen.write(row.0, x: max(0, (screen.width - w) / 2), y: top + i, maxWidth: screen.width, style: row.1)
        }
    }
}
