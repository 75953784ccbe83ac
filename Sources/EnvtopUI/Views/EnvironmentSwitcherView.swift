import EnvtopCore
import EnvtopModels
import Foundation

/// The environment switcher (`e`): "all" and every watched environment, each with its health and
/// counts, the highlighted one marked. Plain inputs, built by `DashboardView.switcher`.
struct EnvironmentSwitcherView: Widget, Sendable, Equatable {
    /// One line of the switcher.
    struct Choice: Sendable, Equatable {
        /// "all: 4 environments", or the environment's tag in its profile's colour.
        var name: Span
        /// "sim-a (env_…) · profile staging", dim.
        var detail: String
        /// Health and counts: "● live  q 3  a 5  ! 1".
        var status: [Span]
        var production: Bool
        var current: Bool
    }

    var choices: [Choice]
    var selected: Int

    func render(in area: Rect, on screen: inout Screen) {
        let width = min(area.width - 4, 96)
        let height = min(area.height - 2, choices.count + 4)
        let rect = area.centered(width: width, height: height)
        let inner = Box.draw(
            rect, into: &screen, style: .normal, borderStyle: CellStyle(.border),
            title: [Span("Environments", .title, .bold)])
        let rows = max(0, inner.height - 2)
        let first = max(0, min(selected - rows + 1, choices.count - rows))
        let nameWidth = min(28, (choices.map(\.name.width).max() ?? 0) + 2)
        for (row, index) in (first..<min(choices.count, first + rows)).enumerated() {
            let choice = choices[index]
            let y = inner.y + 1 + row
            let isSelected = index == selected
            let base: ThemeRole = isSelected ? .selection : .normal
            screen.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: CellStyle(base))
            if isSelected { screen.write(StateBadge.selectionMarker, x: inner.x, y: y, maxWidth: 1, style: CellStyle(.selection, .bold)) }
            var spans = [isSelected ? Span(choice.name.text, .selection, .bold) : choice.name]
            spans.append(Span(String(repeating: " ", count: max(1, nameWidth - choice.name.width)), base))
            if choice.production { spans.append(Span("PROD ", isSelected ? .selection : .bannerProduction, .bold)) }
            spans += choice.status.map { isSelected ? Span($0.text, .selection) : $0 }
            spans.append(Span("  " + choice.detail + (choice.current ? " (shown)" : ""), isSelected ? .selection : .dim))
            SpanWriter.write(spans, x: inner.x + 2, y: y, maxWidth: inner.width - 3, into: &screen)
        }
        let footer = " Enter shows it · Esc closes "
        if rect.width > SafeText.width(footer) + 4 {
            screen.write(footer, x: rect.x + 2, y: rect.maxY - 1, maxWidth: rect.width - 4, style: CellStyle(.border))
        }
    }
}

extension DashboardView {
    /// The switcher's lines from the state: "all" with the totals, then each environment.
    static func switcher(_ state: AppState, _ switcher: EnvironmentSwitcher) -> EnvironmentSwitcherView {
        var choices: [EnvironmentSwitcherView.Choice] = []
        for choice in switcher.choices {
            switch choice {
            case .all:
                let total = state.feeds.reduce(0) { $0 + $1.store.count }
                let flagged = state.feeds.reduce(0) { $0 + $1.attention.count }
                let stale = state.feeds.filter { $0.connection.isStale }.count
                var status = [Span("\(total) items", .normal), Span("  ")]
                status.append(flagged > 0 ? Span("! \(flagged) stuck", .attention) : Span("0 stuck", .ok))
                if stale > 0 { status += [Span("  "), Span("\(stale) stale", .error)] }
                choices.append(.init(
                    name: Span("all", .title, .bold), detail: "\(state.feeds.count) environments, one list",
                    status: status, production: false, current: state.scope == .all))
            case .one(let id):
                guard let feed = state.environmentFeed(id), let env = state.watched(id) else { continue }
                let health = EnvironmentLines.healthSpans(feed, now: state.now, time: TimeFormatting()).short
                let counts = feed.store.counts
                let stuck = feed.attention.count
                let status = health + [Span("  q \(counts[.queued])  a \(counts[.active])  ", .normal),
                                       stuck > 0 ? Span("! \(stuck)", .attention) : Span("! 0", .ok)]
                let name = env.name.map { "\($0) (\(id))" } ?? id
                let profile = env.profile.isEmpty ? "" : " · profile \(env.profile)"
                choices.append(.init(
                    name: Span(state.tag(id), ThemeRole.environment(env.color), .bold), detail: name + profile,
                    status: status, production: env.production, current: state.scope == .one(id)))
            }
        }
        return EnvironmentSwitcherView(choices: choices, selected: switcher.selected)
    }
}
