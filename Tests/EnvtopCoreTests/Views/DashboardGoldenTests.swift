import EnvtopCore
import EnvtopUI
import EnvtopModels
import Foundation
import Testing

private typealias F = ViewFixtures

/// Whole screens compared with golden text at the sizes operators use.
@Suite("Dashboard golden screens")
struct DashboardGoldenTests {
    @Test("80x24: stacked list and detail, newest item (hostile metadata) selected")
    func standard80x24() {
        let state = F.loaded(size: Size(width: 80, height: 24))
        let screen = F.render(state)
        ScreenChecks.expectWellFormed(screen)
        GoldenFile.check(screen.text, named: "dashboard-80x24")
    }

    @Test("120x40: stacked, the stuck-stopping item selected")
    func tall120x40() {
        var state = F.loaded(size: Size(width: 120, height: 40))
        for _ in 0..<8 { F.press(&state, .down) }
        #expect(state.selectedID == F.workID(6))
        let screen = F.render(state)
        ScreenChecks.expectWellFormed(screen)
        GoldenFile.check(screen.text, named: "dashboard-120x40")
    }

    @Test("60x20: the narrowest layout keeps rows whole")
    func narrow60x20() {
        var state = F.loaded(size: Size(width: 60, height: 20))
        F.press(&state, .down, .down, .down, .down)
        let screen = F.render(state)
        ScreenChecks.expectWellFormed(screen)
        GoldenFile.check(screen.text, named: "dashboard-60x20")
    }

    @Test("200x50: detail beside the list, lost-lease item selected, detail focused")
    func wide200x50() {
        var state = F.loaded(size: Size(width: 200, height: 50))
        for _ in 0..<7 { F.press(&state, .down) }
        F.press(&state, .tab)
        #expect(state.selectedID == F.workID(5))
        let screen = F.render(state)
        ScreenChecks.expectWellFormed(screen)
        GoldenFile.check(screen.text, named: "dashboard-200x50")
    }
}
