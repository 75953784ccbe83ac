import EnvtopModels

/// The `?` overlay's text, built in the core so the state knows how long it is: the help's
/// scroll is clamped where it changes, not only when drawn. Every binding of the key table,
/// scope by scope, then what the symbols, the header's terms and the runbook rules mean.
public enum HelpText {
    /// One run of text in one role.
    public struct Segment: Sendable, Equatable {
        public var text: String
        public var role: ThemeRole
        public var bold: Bool

        public init(_ text: String, _ role: ThemeRole = .normal, bold: Bool = false) {
            self.text = text
            self.role = role
            self.bold = bold
        }
    }

    public typealias Line = [Segment]

    /// Each column's width; two columns are used when the screen holds two and a gap.
    public static let columnWidth = 80

    /// How many columns the overlay uses on a screen `width` wide.
    public static func columns(width: Int) -> Int { width >= 2 * columnWidth + 8 ? 2 : 1 }

    /// The rows of text the overlay can show at once on a screen `height` tall.
    public static func pageHeight(screenHeight: Int) -> Int { max(1, screenHeight - 4) }

    /// The help's lines.
    public static func lines(
        readOnly: Bool, runbook: RunbookThresholds = RunbookThresholds(), bindings: [Binding] = KeyMap.bindings,
        forbidden: Set<Action> = []
    ) -> [Line] {
        let labelWidth = bindings.map { SafeText.width($0.label) }.max() ?? 8
        var out: [Line] = []
        if readOnly {
            out.append([Segment(" READ-ONLY ", .readOnly, bold: true), Segment(" started with --read-only: no key can change anything")])
            out.append([])
        }
        for scope in KeyScope.allCases {
            let inScope = bindings.filter { $0.scope == scope }
            guard !inScope.isEmpty else { continue }
            out.append([Segment(scope.rawValue, .title, bold: true)])
            for b in inScope {
                let pad = String(repeating: " ", count: max(1, labelWidth + 2 - SafeText.width(b.label)))
                var line = [Segment("  "), Segment(b.label, b.isDestructive ? .destructive : .keyBarKey), Segment(pad), Segment(b.help)]
                if readOnly && b.isDestructive {
                    line.append(Segment("  (off: read-only)", .dim))
                } else if b.scope == .global && forbidden.contains(b.action) {
                    line.append(Segment("  (not allowed here: allow:)", .dim))
                }
                out.append(line)
            }
            out.append([])
        }
        out.append([Segment("States", .title, bold: true)])
        let meanings = [
            "waiting for a worker to poll it", "acknowledged, the session is starting", "running, heartbeating",
            "asked to stop, the worker is ending it", "finished",
        ]
        for (state, meaning) in zip(WorkState.known, meanings) {
            let badge = StateBadge.of(state)
            out.append([Segment("  "), Segment(badge.text, badge.role), Segment(String(repeating: " ", count: max(1, 12 - SafeText.width(badge.text)))), Segment(meaning)])
        }
        out.append([Segment("  "), Segment("? <name>", .stateUnknown), Segment("    "), Segment("a state this envtop does not know yet")])
        out.append([])
        out.append([Segment("List", .title, bold: true)])
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
            out.append([Segment("  "), Segment(key, role, bold: true), Segment(pad), Segment(meaning)])
        }
        out += glossaryLines(runbook)
        return out
    }

    /// The header's terms and the runbook rules: what each means and what to do.
    static func glossaryLines(_ runbook: RunbookThresholds) -> [Line] {
        // A column is at most 80 wide: wrap to what fits inside it.
        let width = 70
        func entry(_ term: Segment, _ meaning: String, _ action: String) -> [Line] {
            var lines: [Line] = []
            let termWidth = SafeText.width(term.text)
            for (i, piece) in TextWrap.lines(meaning, width: width - 2 - termWidth - 2).enumerated() {
                lines.append(i == 0 ? [Segment("  "), term, Segment(": " + piece)] : [Segment(String(repeating: " ", count: 4 + termWidth)), Segment(piece)])
            }
            for piece in TextWrap.lines(action, width: width - 6) { lines.append([Segment("      "), Segment(piece, .dim)]) }
            return lines
        }
        var out: [Line] = [[], [Segment("Queue (the header)", .title, bold: true)]]
        for e in Glossary.entries { out += entry(Segment(e.term, .headerLabel, bold: true), e.meaning, e.action) }
        out += [[], [Segment("Runbook rules (the health line; the bell rings when one starts failing)", .title, bold: true)]]
        for r in Glossary.rules(runbook) {
            out += entry(Segment(r.rule.title, r.rule.severity == .critical ? .headerAlert : .warning, bold: true), r.when, r.fix)
        }
        return out
    }
}
