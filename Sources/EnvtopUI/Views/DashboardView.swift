import EnvtopCore
import Foundation

/// The whole dashboard for a state, as a grid of cells the terminal backend paints.
///
/// Pure: it reads `state` (and the time zone for clock times) and nothing else; time is
/// `state.now`. Painting builds only what is on screen, whatever the number of items.
public enum DashboardView {
    public static func render(_ state: AppState, timeZone: TimeZone = .current) -> Screen {
        var screen = Screen(size: state.size)
        let layout = state.layout
        if layout.isTooSmall {
            TooSmallView.draw(state, into: &screen)
            return screen
        }
        let time = TimeFormatting(timeZone: timeZone)
        HeaderView.draw(state, time: time, in: layout.header, into: &screen)
        WorkListView.draw(state, into: &screen)
        DetailPaneView.draw(state, timeZone: timeZone, into: &screen)
        StatusLineView.draw(state, in: layout.status, into: &screen)
        KeyBarView.draw(state, in: layout.keyBar, into: &screen)
        switch state.overlay {
        case .help(let help): HelpOverlay.draw(state, scroll: help.scroll, into: &screen)
        case .filterMenu(let menu): FilterMenuView.draw(state, selected: menu.selected, into: &screen)
        case .stopDialog(let dialog): StopDialogView.draw(dialog, state: state, time: time, into: &screen)
        case nil: break
        }
        WideGlyphRepair.repairAll(&screen)
        return screen
    }
}
