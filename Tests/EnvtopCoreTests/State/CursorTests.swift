import EnvtopCore
import EnvtopUI
import EnvtopModels
import Foundation
import Testing

@Suite("The cursor stays where the operator left it")
struct CursorTests {
    typealias F = StateFixtures

    static func arrivals(_ from: Int, _ count: Int) -> [WorkItem] {
        (from..<(from + count)).map { F.item($0, createdSecondsAgo: Double(1000 - $0)) }
    }

    @Test("untouched, the cursor stays on the first row while items arrive")
    func untouchedFollowsFirstRow() {
        let base = (0..<30).map { F.item($0, createdSecondsAgo: Double(2000 + $0)) }
        var s = F.loaded(base)
        #expect(s.selectedIndex == 0)
        var items = base
        for round in 0..<3 {
            items = Self.arrivals(100 + round * 4, 4) + items
            ReconciliationTests.refresh(&s, pages: [items])
            #expect(s.selectedIndex == 0)
            #expect(s.selectedID == s.visibleIDs.first)
        }
    }

    @Test("moved, the cursor keeps its item on the same screen row, and the title says how many arrived above")
    func movedKeepsItemAndRow() {
        let base = (0..<30).map { F.item($0, createdSecondsAgo: Double(2000 + $0)) }
        var s = F.loaded(base)
        for _ in 0..<5 { _ = s.apply(.key(.down)) }
        let chosen = s.selectedID!
        let screenRow = s.selectedIndex! - s.listScroll
        ReconciliationTests.refresh(&s, pages: [Self.arrivals(100, 4) + base])
        #expect(s.selectedID == chosen)
        #expect(s.selectedIndex! - s.listScroll == screenRow)
        #expect(s.newAbove == 4)
        let title = ViewFixtures.render(s).textLines[s.layout.listHeader.y]
        #expect(title.contains("↑ 4 new"))
    }

    @Test("changing the sort or the filter puts the cursor on the first row")
    func sortResets() {
        var s = F.loaded((0..<10).map { F.item($0, createdSecondsAgo: Double(100 + $0)) })
        _ = s.apply(.key(.down))
        _ = s.apply(.key(.down))
        #expect(s.selectedIndex == 2)
        _ = s.apply(.key(.character("o")))
        #expect(s.selectedIndex == 0)
        #expect(s.followsFirstRow)
    }
}

extension CursorTests {
    @Test("on a list shorter than the screen, arrivals above a moved cursor still keep its screen row")
    func shortListKeepsRow() {
        let base = (0..<6).map { F.item($0, createdSecondsAgo: Double(2000 + $0)) }
        var s = F.loaded(base)
        _ = s.apply(.key(.down))
        _ = s.apply(.key(.down))
        let chosen = s.selectedID!
        ReconciliationTests.refresh(&s, pages: [Self.arrivals(100, 3) + base])
        #expect(s.selectedID == chosen)
        #expect(s.selectedIndex! - s.listScroll == 2)
        #expect(s.newAbove == 3)
        // Back to the top: everything shows again and the marker goes.
        _ = s.apply(.key(.character("g")))
        #expect(s.listScroll == 0)
        #expect(s.newAbove == 0)
    }
}
