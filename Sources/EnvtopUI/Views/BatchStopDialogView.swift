import EnvtopCore
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The batch stop confirmation: how many items, by state, by attention reason and by
/// environment, how many are skipped, the pace, then the targets themselves (scrollable), and
/// what confirms. Cancel is the default. Plain inputs, built by `DashboardView.batchDialog`.
struct BatchStopDialogView: Widget, Sendable, Equatable {
    var force: Bool
    var heading: String
    /// "by state: 8 active, 5 stopping", "by reason: …", "by environment: …", "skipped: …", pace.
    var facts: [[Span]]
    /// One line per target: id, state, environment, reason.
    var targets: [[Span]]
    var scroll: Int
    var requiredText: String?
    var typed: String
    var typedMatches: Bool
    var confirmLabel: String
    /// The reason row (`ReasonLine`).
    var reason: [Span] = []
    /// The keys the sentences name.
    var keys = DialogKeys()

    func render(in area: Rect, on screen: inout Screen) {
        let width = min(area.width - 4, 96)
        let inner = max(1, width - 4)
        var head: [[Span]] = []
        for piece in TextWrap.lines(heading, width: inner) { head.append([Span(piece, .dialog, .bold)]) }
        head.append([])
        head += facts
        head.append([])
        var tail: [[Span]] = [[]]
        if !reason.isEmpty { tail.append(reason) }
        if let requiredText {
            tail.append([Span("Production among them: type ", .dialog, .bold), Span(requiredText, .dialog, .bold),
                         Span(", \(keys.typedReason) for the reason, then \(keys.typedConfirm). \(keys.typedCancel) cancels.", .dialog, .bold)])
            tail.append([Span("type ", .dialog), Span(requiredText, .dialog, .bold), Span(": ", .dialog),
                         Span(typed, typedMatches ? .dialogButtonFocused : .dialog, .bold), Span("█", .dialog)])
        } else {
            tail.append([Span(force ? "Only \(keys.confirm) confirms a force stop. \(keys.cancel) or Esc cancels." : "\(keys.confirm) confirms. \(keys.cancel) or Esc cancels.", .dialog, .bold)])
        }
        tail.append([])
        let cancel = "[ Cancel ]"
        let pad = max(0, (inner - SafeText.width(cancel) - 3 - SafeText.width(confirmLabel)) / 2)
        tail.append([Span(String(repeating: " ", count: pad), .dialog), Span(cancel, .dialogButtonFocused, .bold), Span("   ", .dialog),
                     Span(confirmLabel, .dialogButton)])
        // The targets get what room is left; at least three rows, scrolled by ↑/↓.
        let room = max(3, area.height - 4 - head.count - tail.count - 1)
        let first = min(max(0, scroll), max(0, targets.count - room))
        var list = Array(targets.dropFirst(first).prefix(room))
        let more = targets.count - first - list.count
        var title = [Span("Items (\(targets.count))", .dialog, .bold)]
        if first > 0 || more > 0 { title.append(Span("  \(first + 1)-\(first + list.count) of \(targets.count), ↑/↓ scroll", .dialog, .dim)) }
        list.insert(title, at: 0)
        var content = head + list + tail
        let maxInner = max(1, area.height - 2)
        if content.count > maxInner { content = Array(content.prefix(maxInner - tail.count)) + tail }
        let rect = area.centered(width: width, height: min(content.count + 2, area.height))
        let titleSpans = force ? [Span(" FORCE STOP: BATCH ", .destructive, .bold)] : [Span("Stop several items", .dialogTitle, .bold)]
        let box = Box.draw(rect, into: &screen, style: CellStyle(.dialog), borderStyle: CellStyle(force ? .destructive : .dialogTitle), title: titleSpans)
        for (i, line) in content.enumerated() where i < box.height {
            SpanWriter.write(line, x: box.x + 1, y: box.y + i, maxWidth: box.width - 2, into: &screen)
        }
    }
}

extension DashboardView {
    /// The batch dialog's inputs: the tallies and the target lines from the pinned targets.
    static func batchDialog(_ state: AppState, _ dialog: BatchStopDialog) -> BatchStopDialogView {
        let force = dialog.mode == .force
        let keys = DialogKeys(state.options.keys)
        let send = dialog.toSend
        func tally(_ names: [String]) -> String {
            BatchStopDialog.tally(names).map { "\($0.1) \($0.0)" }.joined(separator: ", ")
        }
        var facts: [[Span]] = []
        facts.append([Span("by state        ", .dialog), Span(tally(send.map { StateBadge.of($0.state).word }), .dialog, .bold)])
        let reasons = send.map { dialog.reasons[ItemRef($0)] ?? "none needed" }
        facts.append([Span("by reason       ", .dialog), Span(tally(reasons), .dialog, .bold)])
        var place: [Span] = [Span("by environment  ", .dialog)]
        for (n, (tag, count)) in BatchStopDialog.tally(send.map { state.tag($0.environmentID) }).enumerated() {
            let production = send.first { state.tag($0.environmentID) == tag }.flatMap { state.watched($0.environmentID) }?.production == true
            if n > 0 { place.append(Span(", ", .dialog)) }
            if production { place.append(Span(" PRODUCTION ", .bannerProduction, .bold)) }
            place.append(Span("\(production ? " " : "")\(tag) \(count)", .dialog, .bold))
        }
        facts.append(place)
        if !dialog.skipped.isEmpty {
            facts.append([Span("skipped         ", .dialog), Span("\(dialog.skipped.count) (already stopped, a stop on its way, or not allowed there)", .dialog)])
        }
        if !force {
            let unheld = send.filter { WorkerPresence.of($0, now: state.now, thresholds: state.options.thresholds).reason != nil }.count
            if unheld > 0 {
                facts.append([Span("no live worker  ", .dialog), Span("\(unheld): a graceful stop would leave them in stopping; \(keys.force) force stops", .warning, .bold)])
            }
        }
        let pace = state.options.batchStopsPerSecond
        facts.append([Span("how             ", .dialog),
                      Span("\(pace == pace.rounded() ? "\(Int(pace))" : "\(pace)") a second, each re-read just before its stop; Esc cancels what is not sent yet", .dialog)])
        let targets: [[Span]] = dialog.targets.map { item in
            let ref = ItemRef(item)
            let badge = StateBadge.of(item.state)
            let skip = dialog.skipped.contains(ref)
            return [Span(skip ? "  skip " : "  ", .dialog, .dim), Span(item.id, .dialog, skip ? .dim : .bold), Span("  "), Span(badge.text, skip ? .dim : badge.role),
                    Span("  " + state.tag(item.environmentID), .dialog), Span("  " + (dialog.reasons[ref] ?? ""), .dialog, .dim)]
        }
        let count = send.count
        let origin = dialog.origin
        return BatchStopDialogView(
            force: force,
            heading: "\(force ? "Force stop" : "Stop") \(count) item\(count == 1 ? "" : "s") (\(origin))?",
            facts: facts, targets: targets, scroll: dialog.scroll, requiredText: dialog.requiredText, typed: dialog.typed.text,
            typedMatches: dialog.typedMatches,
            confirmLabel: dialog.requiredText != nil ? "[ \(force ? "Force stop" : "Stop") \(count): type, then \(keys.typedConfirm) ]"
                : "[ \(force ? "Force stop" : "Stop") \(count): press \(keys.confirm) ]",
            reason: ReasonLine.spans(dialog.reason, typedConfirm: dialog.requiredText != nil, keys: keys), keys: keys)
    }
}
