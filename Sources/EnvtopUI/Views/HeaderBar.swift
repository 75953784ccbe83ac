import EnvtopCore

/// What the header draws: the title row's parts and, for each of the other three rows, its
/// variants from roomy to compact. Built from the state in `DashboardView.headerModel`.
struct HeaderModel: Sendable, Equatable {
    /// "name (env_…)", or the id alone when the environment has no name.
    var environment: String
    var paused: Bool
    var readOnly: Bool
    /// The clock (HH:mm) at the right end of the title row.
    var clock: String
    /// The connection row's variants.
    var connection: [[Span]]
    /// The queue stats row's variants, with their alarms.
    var queue: [[Span]]
    /// The counts by state with the number of items needing attention.
    var counts: [[Span]]
}

/// The four header rows: title and mode markers, the connection, the queue stats with their
/// alarms, and the counts by state with the number of items needing attention.
///
/// Each row comes in a few variants from roomy to compact, and the first that fits is drawn.
struct HeaderBar: Widget, Sendable, Equatable {
    var model: HeaderModel

    func render(in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        screen.fill(area, style: CellStyle(.header))
        let lines = [
            titleSpans(width: area.width),
            SpanWriter.firstFitting(model.connection, width: area.width - 1),
            SpanWriter.firstFitting(model.queue, width: area.width - 1),
            SpanWriter.firstFitting(model.counts, width: area.width - 1),
        ]
        for (i, spans) in lines.enumerated() where i < area.height {
            SpanWriter.write(spans, x: area.x + 1, y: area.y + i, maxWidth: area.width - 1, into: &screen)
        }
    }

    /// The header as plain lines, for `--once`.
    func plainLines(width: Int) -> [String] {
        var screen = Screen(size: Size(width: width, height: DashboardLayout.headerHeight))
        render(in: screen.bounds, on: &screen)
        return screen.textLines
    }

    /// "envtop · name (env_…)  PAUSED  READ-ONLY" and the clock (HH:mm) at the right; the markers are
    /// never cut, the environment name is.
    func titleSpans(width: Int) -> [Span] {
        var markers: [Span] = []
        if model.paused { markers += [Span(" "), Span(" PAUSED ", .paused, .bold)] }
        if model.readOnly { markers += [Span(" "), Span(" READ-ONLY ", .readOnly, .bold)] }
        let title = [Span("envtop", .title, .bold), Span(" · ", .headerLabel)]
        let clock = model.clock
        let env = model.environment
        // Columns 1..<width-1 are drawn (one space each side).
        let available = width - 2 - title.width - markers.width
        let clockWidth = SafeText.width(clock) + 2
        let envWidth = SafeText.width(env)
        let showClock = available - clockWidth >= min(envWidth, 12)
        let envRoom = available - (showClock ? clockWidth : 0)
        var spans = title
        if envWidth <= envRoom {
            spans.append(Span(env, .headerValue))
        } else if envRoom >= 2 {
            // Cut the name here, not at the end of the line, so the markers after it always show.
            spans.append(Span((TextWrap.lines(env, width: envRoom - 1).first ?? "") + "…", .headerValue))
        }
        spans += markers
        if showClock {
            spans.append(Span(String(repeating: " ", count: max(2, width - 2 - spans.width - clockWidth + 2))))
            spans.append(Span(clock, .headerLabel))
        }
        return spans
    }
}
