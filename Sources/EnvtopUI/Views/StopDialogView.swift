import EnvtopCore
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The stop confirmation: names the item (id, environment, session, state and for how long), says
/// what the stop will do now and whether the item changed since the key was pressed. Cancel is
/// the default. Plain inputs, built by `DashboardView.stopDialog`.
struct StopDialogView: Widget, Sendable, Equatable {
    var force: Bool
    /// "Stop work_… in stg/sim-a?"
    var heading: String
    /// The environment in full: PRODUCTION marker, label, name and id.
    var environment: [Span]
    /// The profile's name, when the environment has a label.
    var profile: String?
    var session: String
    /// "● active for 15s"
    var stateText: String
    /// "! It changed since you opened this: …", when it did.
    var changedWarning: String?
    var verified: Bool
    var consequence: String
    /// What must be typed (a production force stop), what is typed so far, and whether it matches.
    var requiredText: String?
    var typed: String
    var typedMatches: Bool
    var focused: StopDialog.Button
    /// The reason row (`ReasonLine`).
    var reason: [Span] = []
    /// The keys the sentences name.
    var keys = DialogKeys()

    func render(in area: Rect, on screen: inout Screen) {
        let width = min(area.width - 4, 74)
        let innerWidth = max(1, width - 4)
        var content = lines(width: innerWidth)
        let maxInner = max(1, area.height - 4)
        // On a short screen, drop blank lines first, then cut the middle: the buttons always show.
        if content.count > maxInner { content.removeAll { $0.isEmpty } }
        if content.count > maxInner {
            let tail = Array(content.suffix(2))
            content = Array(content.prefix(max(0, maxInner - 2))) + tail
        }
        let rect = area.centered(width: width, height: content.count + 2)
        let title = force
            ? [Span(" FORCE STOP ", .destructive, .bold)]
            : [Span("Stop work item", .dialogTitle, .bold)]
        let inner = Box.draw(rect, into: &screen, style: CellStyle(.dialog), borderStyle: CellStyle(force ? .destructive : .dialogTitle), title: title)
        for (i, line) in content.enumerated() where i < inner.height {
            SpanWriter.write(line, x: inner.x + 1, y: inner.y + i, maxWidth: inner.width - 2, into: &screen)
        }
    }

    /// The dialog's rows, each at most `width` columns.
    func lines(width: Int) -> [[Span]] {
        var out: [[Span]] = []
        func wrapped(_ text: String, _ role: ThemeRole, _ attributes: TextAttributes = [], indent: Int = 0) {
            let pad = String(repeating: " ", count: indent)
            for (i, piece) in TextWrap.lines(text, width: max(1, width - indent)).enumerated() {
                out.append([Span(i == 0 ? "" : pad, .dialog), Span(piece, role, attributes)])
            }
        }
        wrapped(heading, .dialog, .bold)
        out.append([])
        out.append([Span("env      ", .dialog)] + environment)
        if let profile { out.append([Span("profile  ", .dialog), Span(profile, .dialog)]) }
        out.append([Span("session  ", .dialog), Span(session, .dialog, .bold)])
        out.append([Span("state    ", .dialog), Span(stateText, .dialog, .bold)])
        if let changedWarning { wrapped(changedWarning, .destructive, .bold) }
        out.append([Span(verified ? "Checked with the API just now." : "Not re-checked with the API yet: showing the list's copy.", .dialog, .dim)])
        out.append([])
        wrapped("What happens: " + consequence, .dialog)
        out.append([])
        if !reason.isEmpty { out.append(reason) }
        if let requiredText {
            wrapped("This is production: type \(requiredText), \(keys.typedReason) to write the reason, then \(keys.typedConfirm) to force stop. \(keys.typedCancel) cancels.", .dialog, .bold)
            out.append([Span("type ", .dialog), Span(requiredText, .dialog, .bold), Span(": ", .dialog),
                        Span(typed, typedMatches ? .dialogButtonFocused : .dialog, .bold), Span("█", .dialog)])
        } else if force {
            wrapped("Only \(keys.confirm) confirms a force stop. \(keys.cancel), Esc or Enter on Cancel cancels.", .dialog, .bold)
        } else {
            wrapped("\(keys.confirm) confirms. \(keys.cancel) or Esc cancels. Tab moves between the buttons.", .dialog)
        }
        out.append([])
        out.append(buttons(width: width))
        return out
    }

    /// "[ Cancel ]   [ Stop ]", centred, the focused one highlighted.
    func buttons(width: Int) -> [Span] {
        let cancel = "[ Cancel ]"
        let confirm = requiredText != nil ? "[ Force stop: type, then \(keys.typedConfirm) ]" : force ? "[ Force stop: press \(keys.confirm) ]" : "[ Stop ]"
        let confirmRole: ThemeRole = focused == .confirm ? (force ? .destructive : .dialogButtonFocused) : .dialogButton
        let total = SafeText.width(cancel) + 3 + SafeText.width(confirm)
        let pad = max(0, (width - total) / 2)
        return [
            Span(String(repeating: " ", count: pad), .dialog),
            Span(cancel, focused == .cancel ? .dialogButtonFocused : .dialogButton, focused == .cancel ? .bold : []),
            Span("   ", .dialog),
            Span(confirm, confirmRole, focused == .confirm ? .bold : []),
        ]
    }
}
