import EnvtopCore
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
