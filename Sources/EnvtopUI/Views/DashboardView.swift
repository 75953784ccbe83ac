import EnvtopCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The whole dashboard for a state, as a grid of cells the terminal backend paints.
///
/// Pure: it reads `state` (and the time zone for clock times) and nothing else; time is
/// `state.now`. Painting builds only what is on screen, whatever the number of items.
public enum DashboardView {
    public static func render(_ state: AppState, timeZone: ClockZone = .current) -> Screen {
        var screen = Screen(size: state.size)
        let layout = state.layout
        if layout.isTooSmall {
            tooSmall(state).render(in: screen.bounds, on: &screen)
            return screen
        }
        let time = TimeFormatting(timeZone: timeZone)
        HeaderBar(model: headerModel(state, time: time, rows: layout.header.height - 1)).render(in: layout.header, on: &screen)
        if state.showsHistory {
            let area = listArea(layout)
            historyChart(state, width: area.width).render(in: area, on: &screen)
        } else {
            workTable(state, layout: layout).render(in: listArea(layout), on: &screen)
        }
        detailPane(state, timeZone: timeZone).render(in: screen.bounds, on: &screen)
        statusBar(state).render(in: layout.status, on: &screen)
        keyBar(state).render(in: layout.keyBar, on: &screen)
        switch state.overlay {
        case .help(let help):
            HelpOverlay(readOnly: state.options.readOnly, scroll: help.scroll, runbook: state.feed.runbook, keys: state.options.keys,
                        forbidden: state.forbiddenActions).render(in: screen.bounds, on: &screen)
        case .filterMenu(let menu): filterMenu(state, menu).render(in: screen.bounds, on: &screen)
        case .stopDialog(let dialog): stopDialog(state, dialog).render(in: screen.bounds, on: &screen)
        case .batchDialog(let dialog): batchDialog(state, dialog).render(in: screen.bounds, on: &screen)
        case .stops: stopsPanel(state).render(in: screen.bounds, on: &screen)
        case .metadata(let editor): metadataEditor(state, editor).render(in: screen.bounds, on: &screen)
        case .switcher(let switcher): self.switcher(state, switcher).render(in: screen.bounds, on: &screen)
        case nil: break
        }
        WideGlyphRepair.repairAll(&screen)
        return screen
    }
}
