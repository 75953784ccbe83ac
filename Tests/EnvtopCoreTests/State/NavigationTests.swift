import EnvtopCore
import EnvtopUI
import EnvtopModels
import Foundation
import Testing

@Suite("Navigation, search, filter, selection")
struct NavigationTests {
    typealias F = StateFixtures

    @Test("the selection follows the item's id when the list reorders, never the row index")
    func selectionFollowsID() throws {
        var s = F.loaded([F.item(1, createdSecondsAgo: 10), F.item(2, createdSecondsAgo: 20), F.item(3, createdSecondsAgo: 30)])
        _ = s.apply(.key(.down))
        let chosen = try #require(s.selectedID)
        #expect(chosen == F.item(2).id)
        F.answer(&s, s.apply(.tick(F.t0.addingTimeInterval(3))), pages: [[
            F.item(5, createdSecondsAgo: 1), F.item(6, createdSecondsAgo: 2), F.item(1, createdSecondsAgo: 10),
            F.item(2, createdSecondsAgo: 20), F.item(3, createdSecondsAgo: 30),
        ]])
        #expect(s.selectedID == chosen)
        #expect(s.selectedIndex == 3)
    }

    @Test("j, k, G, g, PgDn move the selection and keep it on screen")
    func movement() {
        let items = (0..<100).map { F.item($0, createdSecondsAgo: Double(1000 - $0)) }
        var s = F.loaded(items, size: Size(width: 80, height: 24))
        #expect(s.selectedIndex == 0)
        _ = s.apply(.key(.character("j")))
        #expect(s.selectedIndex == 1)
        _ = s.apply(.key(.character("k")))
        _ = s.apply(.key(.character("k")))
        #expect(s.selectedIndex == 0)
        _ = s.apply(.key(.character("G")))
        #expect(s.selectedIndex == 99)
        #expect(s.listScroll + s.layout.pageRows > 99)
        _ = s.apply(.key(.home))
        #expect(s.selectedIndex == 0 && s.listScroll == 0)
        _ = s.apply(.key(.pageDown))
        #expect(s.selectedIndex == s.layout.pageRows)
        _ = s.apply(.key(.control("u")))
        #expect(s.selectedIndex == s.layout.pageRows - s.layout.pageRows / 2)
    }

    @Test("search narrows the list live by id, session or metadata; Esc clears it")
    func search() {
        var s = F.loaded([F.item(1, metadata: ["team": "blue"]), F.item(2, metadata: ["team": "red"]), F.item(3)])
        _ = s.apply(.key(.character("/")))
        #expect(s.keyScope == .search)
        for c in "RED" { _ = s.apply(.key(.character(c))) }
        #expect(s.visibleIDs == [F.item(2).id])
        _ = s.apply(.key(.backspace))
        #expect(s.search.query == "RE")
        _ = s.apply(.key(.enter))
        #expect(s.keyScope == .list)
        #expect(s.search.query == "RE")
        _ = s.apply(.key(.character("/")))
        _ = s.apply(.key(.escape))
        #expect(s.search.query.isEmpty)
        #expect(s.visibleIDs.count == 3)
        // Typing q in the search line types, it does not quit.
        _ = s.apply(.key(.character("/")))
        #expect(s.apply(.key(.character("q"))).isEmpty)
        #expect(!s.isQuitting)
    }

    @Test("the filter menu narrows to one state or to items that need attention")
    func filter() {
        let stale = F.item(1, state: .active, heartbeatSecondsAgo: 600)
        var s = F.loaded([stale, F.item(2, state: .active), F.item(3, state: .queued, createdSecondsAgo: 10)])
        #expect(s.feed.attention[stale.id] != nil)
        _ = s.apply(.key(.character("f")))
        #expect(s.keyScope == .filterMenu)
        _ = s.apply(.key(.down))  // all -> needs attention
        _ = s.apply(.key(.enter))
        #expect(s.filter == .needsAttention)
        #expect(s.visibleIDs == [stale.id])
        _ = s.apply(.key(.character("f")))
        _ = s.apply(.key(.down))  // -> queued
        _ = s.apply(.key(.enter))
        #expect(s.filter == .state(.queued))
        #expect(s.visibleIDs == [F.item(3).id])
        _ = s.apply(.key(.escape))
        #expect(s.filter == .all)
    }

    @Test("o cycles the sort order")
    func sort() {
        var s = F.loaded([F.item(1, createdSecondsAgo: 10), F.item(2, createdSecondsAgo: 20)])
        #expect(s.visibleIDs.first == F.item(1).id)
        _ = s.apply(.key(.character("o")))
        #expect(s.sort == .oldest)
        #expect(s.visibleIDs.first == F.item(2).id)
    }

    @Test("Tab moves focus to the detail pane, where j scrolls instead of moving the selection")
    func detailFocus() {
        var s = F.loaded([F.item(1, metadata: Dictionary(uniqueKeysWithValues: (0..<80).map { ("key\($0)", "value") })), F.item(2)])
        let selected = s.selectedID
        _ = s.apply(.key(.tab))
        #expect(s.focus == .detail)
        _ = s.apply(.key(.character("j")))
        #expect(s.selectedID == selected)
        #expect(s.detailScroll == 1)
        _ = s.apply(.key(.escape))
        #expect(s.focus == .list)
    }

    @Test("? opens help and Esc closes it at once")
    func help() {
        var s = F.loaded([F.item(1)])
        _ = s.apply(.key(.character("?")))
        #expect(s.keyScope == .help)
        _ = s.apply(.key(.escape))
        #expect(s.overlay == nil)
    }

    @Test("a click selects the row under the pointer; the wheel scrolls")
    func mouse() {
        let items = (0..<30).map { F.item($0, createdSecondsAgo: Double(100 + $0)) }
        var s = F.loaded(items)
        let y = s.layout.listBody.y + 4
        _ = s.apply(.mouse(MouseEvent(kind: .press, x: 2, y: y)))
        #expect(s.selectedIndex == 4)
        _ = s.apply(.mouse(MouseEvent(kind: .wheelDown, x: 2, y: y)))
        #expect(s.selectedIndex == 7)
    }

    @Test("a resize reflows the layout and keeps the selection visible")
    func resize() {
        let items = (0..<100).map { F.item($0, createdSecondsAgo: Double(100 + $0)) }
        var s = F.loaded(items)
        _ = s.apply(.key(.character("G")))
        _ = s.apply(.resize(Size(width: 80, height: 24)))
        #expect(!s.layout.sideBySide)
        #expect(s.selectedIndex == 99)
        #expect(s.listScroll + s.layout.pageRows > 99)
        _ = s.apply(.resize(Size(width: 40, height: 10)))
        #expect(s.layout.isTooSmall)
    }
}
