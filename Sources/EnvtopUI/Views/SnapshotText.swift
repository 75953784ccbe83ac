import EnvtopCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The plain-text snapshot `envtop --once` prints: the header, then every listed item as a row
/// of the work list (not only one screenful), at `state.size.width` columns.
///
/// No colours and no escape sequences: API text is sanitised exactly as on screen.
public enum SnapshotText {
    /// `snapshot` leaves out what only means something live (`every 2s`, `(just now)`, `retrying in 3s`).
    public static func render(_ state: AppState, timeZone: ClockZone = .current, snapshot: Bool = false) -> String {
        let width = max(DashboardLayout.minimumSize.width, state.size.width)
        let time = TimeFormatting(timeZone: timeZone)
        var lines = HeaderBar(model: DashboardView.headerModel(state, time: time, rows: 2 + state.feeds.count, snapshot: snapshot))
            .plainLines(width: width).map(trimmed)
        lines.append("")
        return (lines + [table(state)]).joined(separator: "\n")
    }

    /// The work list alone: its titles and every listed row (or why there is none).
    public static func table(_ state: AppState) -> String {
        let width = max(DashboardLayout.minimumSize.width, state.size.width)
        var lines: [String] = []
        let columns = DashboardView.planColumns(state, width: width)
        var row = Screen(size: Size(width: width, height: 1))
        if let message = DashboardView.emptyMessage(state) {
            lines += TextWrap.lines(message.text, width: width - 2).map { "  " + SafeText.visible($0) }
            return lines.joined(separator: "\n")
        }
        WorkTable.drawTitles(
            columns: columns, isStale: state.anyStale, position: "", in: row.bounds, into: &row)
        lines.append(trimmed(row.row(y: 0)))
        for ref in state.visible {
            guard let item = state.item(ref) else { continue }
            var workRow = WorkRow(item: item, attention: state.attentionNow(ref), now: state.now, columns: columns)
            if columns.slot(.environment) != nil { DashboardView.tagRow(&workRow, state, ref.environmentID) }
            workRow.draw(into: &row, x: 0, y: 0, columns: columns, selection: nil)
            lines.append(trimmed(row.row(y: 0)))
        }
        return lines.joined(separator: "\n")
    }

    static func trimmed(_ line: String) -> String {
        var s = Substring(line)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
