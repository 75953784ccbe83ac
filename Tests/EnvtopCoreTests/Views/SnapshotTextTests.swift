import EnvtopCore
import EnvtopUI
import EnvtopModels
import Foundation
import Testing

private typealias F = ViewFixtures

/// `envtop --once`: the header and every item as plain text.
@Suite("Snapshot text")
struct SnapshotTextTests {
    @Test("the header and one line per item, sanitised, no line wider than the terminal")
    func snapshot() {
        let state = F.loaded(size: Size(width: 120, height: 10))
        let text = SnapshotText.render(state, timeZone: F.utc)
        #expect(!text.contains("\u{1b}"))
        #expect(!text.hasSuffix("\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 120 })
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
        // All 12 items, although only a few rows would fit on a 10-row screen.
        for item in F.items { #expect(text.contains(item.id)) }
        // The header without its trends row (sparklines say nothing in a snapshot), the column
        // titles, one line per item.
        #expect(lines.count == (DashboardLayout.headerHeight - 1) + 1 + 1 + F.items.count)
        #expect(!text.contains("▶"))
        GoldenFile.check(text, named: "snapshot-120")
    }

    @Test("stale and empty states read sensibly as text")
    func staleAndEmpty() {
        var state = F.loaded(size: Size(width: 100, height: 10))
        F.failRefresh(&state, after: 5, error: .transport("connection reset"))
        let stale = SnapshotText.render(state, timeZone: F.utc)
        #expect(stale.contains("STALE since 12:00:00 (5s): cannot reach the API: connection reset, retrying in 3s"))

        var empty = AppState(options: F.options(), size: Size(width: 100, height: 10), now: F.now)
        let effects = empty.apply(.tick(F.now))
        F.answer(&empty, effects, pages: [], stats: .failure(.transport("refused")), pageError: .transport("refused"))
        let text = SnapshotText.render(empty, timeZone: F.utc)
        #expect(text.contains("No work items loaded: cannot reach the API: refused."))
    }
}
