import EnvtopCore
import EnvtopModels

/// The `?` overlay: every binding of `KeyMap`, scope by scope, then what the symbols mean.
///
/// Generated from the same table dispatch reads, so help and behaviour cannot drift apart.
struct HelpOverlay: Widget, Sendable, Equatable {
    /// Destructive keys are marked off in read-only mode.
    var readOnly: Bool
    /// The first line shown (clamped to the text).
    var scroll: Int
    /// The thresholds the rules are explained with (the environment in view).
    var runbook = RunbookThresholds()

    func render(in area: Rect, on screen: inout Screen) {
        let content = Self.lines(readOnly: readOnly, runbook: runbook)
        let width = min(area.width - 4, 80)
        let height = min(area.height - 2, content.count + 2)
        let rect = area.centered(width: width, height: height)
        let inner = Box.draw(
            rect, into: &screen, style: .normal, borderStyle: CellStyle(.border),
            title: [Span("Help: every key", .title, .bold)])
        let maxScroll = max(0, content.count - inner.height)
        let scroll = min(max(0, scroll), maxScroll)
        for row in 0..<inner.height where scroll + row < content.count {
            SpanWriter.write(content[scroll + row], x: inner.x + 1, y: inner.y + row, maxWidth: inner.width - 1, into: &screen)
        }
        var footer = "Esc/? closes"
        if maxScroll > 0 {
            footer = (scroll < maxScroll ? "↓ j more  " : "") + (scroll > 0 ? "↑ k  " : "") + footer
        }
        let w = SafeText.width(footer) + 2
        if rect.width > w + 4 {
            screen.write(" \(footer) ", x: rect.maxX - w - 2, y: rect.maxY - 1, maxWidth: w, style: CellStyle(.border))
        }
    }

    /// The overlay's text, one span line per row.
    static func lines(readOnly: Bool, runbook: RunbookThresholds = RunbookThresholds()) -> [[Span]] {
        let labelWidth = KeyMap.bindings.map { SafeText.width($0.label) }.max() ?? 8
        var out: [[Span]] = []
        if readOnly {
            out.append([Span(" READ-ONLY ", .readOnly, .bold), Span(" started with --read-only: no key can change anything", .normal)])
            out.append([])
        }
        for scope in KeyScope.allCases {
            let bindings = KeyMap.bindings(in: scope)
            guard !bindings.isEmpty else { continue }
            out.append([Span(scope.rawValue, .title, .bold)])
            for b in bindings {
                let pad = String(repeating: " ", count: max(1, labelWidth + 2 - SafeText.width(b.label)))
                var line = [Span("  "), Span(b.label, b.isDestructive ? .destructive : .keyBarKey), Span(pad), Span(b.help)]
                if readOnly && b.isDestructive { line.append(Span("  (off: read-only)", .dim)) }
                out.append(line)
            }
            out.append([])
        }
        out.append([Span("States", .title, .bold)])
        let meanings = [
            "waiting for a worker to poll it", "acknowledged, the session is starting", "running, heartbeating",
            "asked to stop, the worker is ending it", "finished",
        ]
        for (state, meaning) in zip(WorkState.known, meanings) {
            let badge = StateBadge.of(state)
            out.append([Span("  "), Span(badge.text, badge.role), Span(String(repeating: " ", count: max(1, 12 - SafeText.width(badge.text)))), Span(meaning)])
        }
        out.append([Span("  "), Span("? <name>", .stateUnknown), Span("    "), Span("a state this envtop does not know yet")])
        out.append([])
        out.append([Span("List", .title, .bold)])
        let legend: [(String, ThemeRole, String)] = [
            (StateBadge.selectionMarker, .selection, "the selected item"),
            (StateBadge.attentionMarker, .attention, "needs an operator; NOTES says why:"),
            ("", .normal, "lease lost, stuck stopping or starting, never acknowledged"),
            ("AGE", .columnHeader, "since the item was created"),
            ("IN STATE", .columnHeader, "time in the current state (FOR when narrow)"),
            ("BEAT", .columnHeader, "since the last heartbeat"),
        ]
        for (key, role, meaning) in legend {
            let pad = String(repeating: " ", count: max(1, 12 - SafeText.width(key)))
            out.append([Span("  "), Span(key, role, .bold), Span(pad), Span(meaning)])
        }
        out += glossaryLines(runbook)
        return out
    }

    /// The header's terms and the runbook rules: what each means and what to do.
    static func glossaryLines(_ runbook: RunbookThresholds) -> [[Span]] {
        // The overlay is at most 80 wide: wrap to what fits inside it at that width.
        let width = 70
        func entry(_ term: Span, _ meaning: String, _ action: String) -> [[Span]] {
            var lines: [[Span]] = []
            for (i, piece) in TextWrap.lines(meaning, width: width - 2 - term.width - 2).enumerated() {
                lines.append(i == 0 ? [Span("  "), term, Span(": " + piece)] : [Span(String(repeating: " ", count: 4 + term.width)), Span(piece)])
            }
            for piece in TextWrap.lines(action, width: width - 6) { lines.append([Span("      "), Span(piece, .dim)]) }
            return lines
        }
        var out: [[Span]] = [[], [Span("Queue (the header)", .title, .bold)]]
        for e in Glossary.entries { out += entry(Span(e.term, .headerLabel, .bold), e.meaning, e.action) }
        out += [[], [Span("Runbook rules (the health line; the bell rings when one starts failing)", .title, .bold)]]
        for r in Glossary.rules(runbook) {
            out += entry(Span(r.rule.title, r.rule.severity == .critical ? .headerAlert : .warning, .bold), r.when, r.fix)
        }
        return out
    }
}
