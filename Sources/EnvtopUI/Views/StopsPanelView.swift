import EnvtopCore
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `L`: the stops asked this run, newest first: id, environment, mode, the state now and how long
/// ago it was asked. Plain inputs, built by `DashboardView.stopsPanel`.
struct StopsPanelView: Widget, Sendable, Equatable {
    var lines: [[Span]]

    func render(in area: Rect, on screen: inout Screen) {
        let width = min(area.width - 4, 100)
        let rect = area.centered(width: width, height: min(area.height - 2, max(1, lines.count) + 4))
        let inner = Box.draw(rect, into: &screen, style: .normal, borderStyle: CellStyle(.border),
                             title: [Span("Your stops this run (\(lines.count))", .title, .bold)])
        let content = lines.isEmpty ? [[Span("No stop asked yet.", .dim)]] : lines
        for (i, line) in content.enumerated() where inner.y + 1 + i < inner.maxY {
            SpanWriter.write(line, x: inner.x + 1, y: inner.y + 1 + i, maxWidth: inner.width - 2, into: &screen)
        }
        let footer = " any key closes "
        if rect.width > SafeText.width(footer) + 4 {
            screen.write(footer, x: rect.x + 2, y: rect.maxY - 1, maxWidth: rect.width - 4, style: CellStyle(.border))
        }
    }
}

extension DashboardView {
    static func stopsPanel(_ state: AppState) -> StopsPanelView {
        let lines: [[Span]] = state.followedStops.map { stop in
            let badge = StateBadge.of(stop.state)
            let overdue = stop.mode == .graceful && stop.state == .stopping
                && state.now.timeIntervalSince(stop.askedAt) > state.options.thresholds.stoppingGraceSeconds
            var line = [Span(stop.ref.workID, .normal, .bold), Span("  " + state.tag(stop.ref.environmentID), .dim),
                        Span(stop.mode == .force ? "  force " : "  stop  ", stop.mode == .force ? .destructive : .normal),
                        Span(badge.text, badge.role),
                        Span("  asked \(TimeFormatting.relative(stop.askedAt, now: state.now))", .dim)]
            if overdue {
                let hint = state.permits(.forceStop, in: stop.ref.environmentID) ? "drain overdue: \(state.options.keys.key(.forceStop, .global)) forces it" : "drain overdue"
                line.append(Span("  " + hint, .attention, .bold))
            }
            return line
        }
        return StopsPanelView(lines: lines)
    }
}
