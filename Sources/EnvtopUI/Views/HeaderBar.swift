import EnvtopCore

/// What the header draws: the title row's parts and, for each row under it, its variants from
/// roomy to compact. Built from the state in `DashboardView.headerModel`.
struct HeaderModel: Sendable, Equatable {
    /// "name (env_…)", or "all: 3 environments" in the merged view.
    var environment: String
    /// The profile's label before the environment, in the profile's colour (role), if it has one.
    var label: Span?
    /// The environment shown is a production one: the whole title row is in `banner.production`.
    var production: Bool
    /// The merged view includes production environments: their labels, marked in `banner.production`.
    var productionLabels: [String]
    var paused: Bool
    var readOnly: Bool
    /// The clock (HH:mm) at the right end of the title row.
    var clock: String
    /// The rows under the title, each as variants: one environment's connection, queue stats and
    /// counts, or in the merged view a line per environment and the counts across them.
    var rows: [[[Span]]]
}

/// The header: the title row with the environment (or "all: N environments") and the mode
/// markers, then the rows of the model: for one environment its connection, queue stats with
/// their alarms and counts by state; for several, a line each and the counts across them.
///
/// Each row comes in a few variants from roomy to compact, and the first that fits is drawn.
struct HeaderBar: Widget, Sendable, Equatable {
    var model: HeaderModel

    func render(in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        screen.fill(area, style: CellStyle(.header))
        if model.production {
            screen.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: CellStyle(.bannerProduction))
        }
        let lines = [titleSpans(width: area.width)] + model.rows.map { SpanWriter.firstFitting($0, width: area.width - 1) }
        for (i, spans) in lines.enumerated() where i < area.height {
            SpanWriter.write(spans, x: area.x + 1, y: area.y + i, maxWidth: area.width - 1, into: &screen)
        }
    }

    /// The header as plain lines, for `--once`.
    func plainLines(width: Int) -> [String] {
        var screen = Screen(size: Size(width: width, height: 1 + model.rows.count))
        render(in: screen.bounds, on: &screen)
        return screen.textLines
    }

    /// "envtop · [label] name (env_…)  PRODUCTION  PAUSED  READ-ONLY" and the clock (HH:mm) at the
    /// right; the markers are never cut, the environment name is. On a production banner every
    /// span takes the `banner.production` role, so the row reads as one block.
    func titleSpans(width: Int) -> [Span] {
        var markers: [Span] = []
        if model.production {
            markers += [Span(" "), Span(" PRODUCTION ", .bannerProduction, [.bold, .reverse])]
        } else if !model.productionLabels.isEmpty {
            markers += [Span(" "), Span(" PRODUCTION: \(model.productionLabels.joined(separator: ", ")) ", .bannerProduction, .bold)]
        }
        if model.paused { markers += [Span(" "), Span(" PAUSED ", .paused, .bold)] }
        if model.readOnly { markers += [Span(" "), Span(" READ-ONLY ", .readOnly, .bold)] }
        var title = [Span("envtop", .title, .bold), Span(" · ", .headerLabel)]
        if let label = model.label { title += [label, Span(" ", .headerLabel)] }
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
        guard model.production else { return spans }
        return spans.map { Span($0.text, .bannerProduction, $0.style.attributes.union(.bold)) }
    }
}
