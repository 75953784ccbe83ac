import EnvtopCore
import EnvtopModels
import EnvtopUI
import Foundation
import Testing

/// Saved views on the number keys, `views:` in the config, and the filter menu's counts under
/// an active search.
@Suite("Saved views and filter counts")
struct SavedViewTests {
    typealias F = StateFixtures
    let file = "/tmp/envtop-views.yml"

    func problem(_ text: String) -> String { configProblem(text, file: file) }

    @Test("views: adds views after the built-ins; one named like a built-in takes its key")
    func configViews() throws {
        let config = try EnvtopConfig.parse("""
            views:
              infra stuck: meta.team:infra attention:any
              drain overdue: attention:drain_overdue env:prod
            """, file: file)
        let views = SavedView.all(configured: config.views)
        #expect(views.map(\.name) == ["needs attention", "drain overdue", "never started", "queued over 5 min", "infra stuck"])
        #expect(views[1].query == "attention:drain_overdue env:prod")
        #expect(problem("""
            views:
              broken: state:stoping
            """) == "\(file):2: views: 'broken': column 7: 'stoping' is not a state (did you mean 'stopping'?) (states: queued, starting, active, stopping, stopped)")
    }

    @Test("a number key puts its view on the search line and shows the whole list under it")
    func numberKeys() {
        var s = F.loaded([
            F.item(1, state: .stopping), F.item(2, state: .queued, createdSecondsAgo: 900), F.item(3, state: .queued, createdSecondsAgo: 30),
        ])
        _ = s.apply(.key(.character("f")))
        _ = s.apply(.key(.down))
        _ = s.apply(.key(.enter))  // needs attention
        _ = s.apply(.key(.character("4")))
        #expect(s.search.query == "state:queued instate>5m")
        #expect(s.filter == .all)
        #expect(s.visible.ids == [F.item(2).id])
        #expect(NoticeWording.text(s.flash!.notice).hasPrefix("View 4: queued over 5 min (1 item)"))
        _ = s.apply(.key(.character("7")))
        #expect(NoticeWording.text(s.flash!.notice).hasPrefix("No view on 7: 4 views are on 1-4"))
        #expect(s.search.query == "state:queued instate>5m")
    }

    @Test("under a search, the filter menu counts what each filter would show with it")
    func filterCountsFollowSearch() {
        var s = F.loaded([
            F.item(1, state: .active, metadata: ["team": "infra"]), F.item(2, state: .stopping, metadata: ["team": "infra"]),
            F.item(3, state: .active, metadata: ["team": "web"]),
        ])
        _ = s.apply(.key(.character("f")))
        guard case .filterMenu(let plain) = s.overlay else { Issue.record("no menu"); return }
        #expect(plain.searchCounts == nil)
        _ = s.apply(.key(.escape))
        _ = s.apply(.key(.character("/")))
        _ = s.apply(.paste("team=infra"))
        _ = s.apply(.key(.enter))
        _ = s.apply(.key(.character("f")))
        guard case .filterMenu(let menu) = s.overlay, let counts = menu.searchCounts else { Issue.record("no counts"); return }
        #expect(counts[.all] == 2)
        #expect(counts[.state(.active)] == 1)
        #expect(counts[.state(.stopping)] == 1)
        let screen = DashboardView.render(s)
        #expect(screen.text.contains("counts with /team=infra"))
    }
}
