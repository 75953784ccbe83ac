import EnvtopCore
import EnvtopUI
import EnvtopModels
import Foundation
import Testing

private typealias F = ViewFixtures

/// Painting builds only the rows on screen; a huge environment still renders right.
@Suite("Large lists")
struct LargeListTests {
    static let count = 100_000

    static func items() -> [WorkItem] {
        (0..<count).map { n in
            let age = Double(n)
            let state: WorkState = n % 10 == 0 ? .queued : .active
            return WorkItem(
                id: "work_" + String(format: "%024d", n), environmentID: F.env, state: state,
                data: WorkData(id: "session_" + String(format: "%024d", n)), metadata: ["n": String(n)],
                createdAt: F.ago(age), acknowledgedAt: F.ago(age), startedAt: F.ago(age), latestHeartbeatAt: F.ago(5))
        }
    }

    @Test("100,000 items: the screen shows one page of rows, the header counts them all")
    func hundredThousand() throws {
        var state = F.loaded(size: Size(width: 120, height: 40), items: Self.items(), pageSize: 25_000)
        #expect(state.store.count == Self.count)
        var screen = F.render(state)
        ScreenChecks.expectWellFormed(screen)
        let body = state.layout.listBody
        let rows = (body.y..<body.maxY).map { screen.row(y: $0) }
        #expect(rows.allSatisfy { $0.contains("work_") })
        #expect(rows[0].hasPrefix("▶  work_000000000000000000000000 ○ queued"))
        #expect(screen.textLines[5].contains("○ 10000 queued"))
        #expect(screen.textLines[5].contains("● 90000 active"))
        #expect(screen.textLines[5].contains("100000 total"))
        #expect(screen.textLines[state.layout.listHeader.y].hasSuffix("1/100000 "))

        F.press(&state, .character("G"))
        screen = F.render(state)
        let last = (body.y..<body.maxY).map { screen.row(y: $0) }.last
        #expect(last?.hasPrefix("▶  work_000000000000000000099999 ● active") == true)
        #expect(screen.textLines[state.layout.listHeader.y].hasSuffix("100000/100000 "))
    }
}
