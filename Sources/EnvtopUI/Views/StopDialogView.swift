import EnvtopCore
import EnvtopModels
import Foundation

/// The stop confirmation: names the item (id, session, state and for how long), says what the stop
/// will do now and whether the item changed since the key was pressed. Cancel is the default.
public enum StopDialogView {
    public static func draw(_ dialog: StopDialog, state: AppState, time: TimeFormatting, into screen: inout Screen) {
        let width = min(screen.width - 4, 74)
        let innerWidth = max(1, width - 4)
        var content = lines(dialog, state: state, width: innerWidth)
        let maxInner = max(1, screen.height - 4)
        // On a short screen, drop blank lines first, then cut the middle: the buttons always show.
        if content.count > maxInner { content.removeAll { $0.isEmpty } }
        if content.count > maxInner {
            let tail = Array(content.suffix(2))
            content = Array(content.prefix(max(0, maxInner - 2))) + tail
        }
        let rect = screen.bounds.centered(width: width, height: content.count + 2)
        let force = dialog.mode == .force
        let title = force
            ? [Span(" FORCE STOP ", .destructive, .bold)]
            : [Span("Stop work item", .dialogTitle, .bold)]
        let inner = Box.draw(rect, into: &screen, style: CellStyle(.dialog), borderStyle: CellStyle(force ? .destructive : .dialogTitle), title: title)
        for (i, line) in content.enumerated() where i < inner.height {
            SpanWriter.write(line, x: inner.x + 1, y: inner.y + i, maxWidth: inner.width - 2, into: &screen)
        }
    }

    /// The dialog's rows, each at most `width` columns.
    static func lines(_ dialog: StopDialog, state: AppState, width: Int) -> [[Span]] {
        let now = state.now
        let current = dialog.current
        let force = dialog.mode == .force
        var out: [[Span]] = []
        func wrapped(_ text: String, _ role: ThemeRole, _ attributes: TextAttributes = [], indent: Int = 0) {
            let pad = String(repeating: " ", count: indent)
            for (i, piece) in TextWrap.lines(text, width: max(1, width - indent)).enumerated() {
                out.append([Span(i == 0 ? "" : pad, .dialog), Span(piece, role, attributes)])
            }
        }
        let envID = dialog.ref.environmentID
        let env = state.watched(envID) ?? WatchedEnvironment(id: envID)
        wrapped("\(force ? "Force stop" : "Stop") \(dialog.workID) in \(state.tag(envID))?", .dialog, .bold)
        out.append([])
        // The environment, named in full: a stop reaches this one and no other.
        var place: [Span] = [Span("env      ", .dialog)]
        if env.production { place += [Span(" PRODUCTION ", .bannerProduction, .bold), Span(" ", .dialog)] }
        if !env.label.isEmpty { place += [Span(env.label, .dialog, .bold), Span(" · ", .dialog)] }
        place.append(Span(env.name.map { "\($0) (\(envID))" } ?? envID, .dialog, .bold))
        out.append(place)
        if !env.label.isEmpty {
            out.append([Span("profile  ", .dialog), Span(env.profile, .dialog)])
        }
        let badge = StateBadge.of(current.state)
        let inState = Age.format(now.timeIntervalSince(current.stateEnteredAt))
        out.append([Span("session  ", .dialog), Span(current.sessionID, .dialog, .bold)])
        out.append([Span("state    ", .dialog), Span("\(badge.text) for \(inState)", .dialog, .bold)])
        if dialog.stateChanged {
            let before = StateBadge.of(dialog.target.state)
            wrapped("! It changed since you opened this: it was \(before.text), it is now \(badge.text).", .destructive, .bold)
        }
        out.append([Span(dialog.verified ? "Checked with the API just now." : "Not re-checked with the API yet: showing the list's copy.", .dialog, .dim)])
        out.append([])
        wrapped("What happens: " + dialog.consequence, .dialog)
        out.append([])
        if let required = dialog.requiredText {
            wrapped("This is production: type \(required) and press Enter to force stop. Esc cancels.", .dialog, .bold)
            out.append([Span("type ", .dialog), Span(required, .dialog, .bold), Span(": ", .dialog),
                        Span(dialog.typed.text, dialog.typedMatches ? .dialogButtonFocused : .dialog, .bold), Span("█", .dialog)])
        } else if force {
            wrapped("Only y confirms a force stop. n, Esc or Enter on Cancel cancels.", .dialog, .bold)
        } else {
            wrapped("y confirms. n or Esc cancels. Tab moves between the buttons.", .dialog)
        }
        out.append([])
        out.append(buttons(dialog, width: width))
        return out
    }

    /// "[ Cancel ]   [ Stop ]", centred, the focused one highlighted.
    static func buttons(_ dialog: StopDialog, width: Int) -> [Span] {
        let cancel = "[ Cancel ]"
        let confirm = dialog.requiredText != nil
            ? "[ Force stop: type, then Enter ]" : dialog.mode == .force ? "[ Force stop: press y ]" : "[ Stop ]"
        let confirmRole: ThemeRole = dialog.focused == .confirm
            ? (dialog.mode == .force ? .destructive : .dialogButtonFocused) : .dialogButton
        let total = SafeText.width(cancel) + 3 + SafeText.width(confirm)
        let pad = max(0, (width - total) / 2)
        return [
            Span(String(repeating: " ", count: pad), .dialog),
            Span(cancel, dialog.focused == .cancel ? .dialogButtonFocused : .dialogButton, dialog.focused == .cancel ? .bold : []),
            Span("   ", .dialog),
            Span(confirm, confirmRole, dialog.focused == .confirm ? .bold : []),
        ]
    }
}
