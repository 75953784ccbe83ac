@testable import EnvtopCore
@testable import EnvtopUI
import EnvtopModels
import Foundation
import Testing

private typealias F = ViewFixtures

/// The work list: columns, roles, selection, attention, search and filter feedback.
@Suite("Work list")
struct WorkListTests {
    static func listRow(_ state: AppState, _ screen: Screen, id: String) -> Int? {
        (state.layout.listBody.y..<state.layout.listBody.maxY).first { screen.row(y: $0).contains(id) }
    }

    @Test("each state has its symbol and word in its own role")
    func stateRoles() throws {
        let state = F.loaded(size: Size(width: 120, height: 40))
        let screen = F.render(state)
        let roles = screen.styleLines(legend: ScreenChecks.legend)
        let cases: [(Int, String, Character)] = [
            (2, "○ queued", "q"), (3, "◔ starting", "t"), (4, "● active", "a"), (7, "◑ stopping", "p"),
            (10, "✕ stopped", "x"), (11, "? suspend…", "u"),
        ]
        let stateX = try #require(WorkColumns.plan(width: 120).slot(.state)).x
        for (n, text, role) in cases {
            let y = try #require(Self.listRow(state, screen, id: F.workID(n)))
            #expect(screen.row(y: y).contains(text))
            #expect(Array(roles[y])[stateX] == role, "state cell of item \(n)")
        }
    }

    @Test("a switches the time columns to UTC clock times and back; the row keeps its other cells")
    func absoluteTimes() throws {
        var state = F.loaded(size: Size(width: 120, height: 40))
        F.press(&state, .character("a"))
        #expect(state.absoluteTimes)
        var screen = F.render(state)
        ScreenChecks.expectWellFormed(screen)
        #expect(screen.row(y: state.layout.listHeader.y).contains("CREATED    SINCE  BEAT AT"))
        // Item 1 was created 20 s before 12:00:00 UTC, started 18 s before (its state since), beat 3 s before.
        let y = try #require(Self.listRow(state, screen, id: F.workID(1)))
        #expect(screen.row(y: y).contains("11:59:40 11:59:42 11:59:57"))
        #expect(screen.row(y: y).contains("● active"))
        F.press(&state, .character("a"))
        screen = F.render(state)
        #expect(screen.row(y: state.layout.listHeader.y).contains("AGE IN STATE   BEAT"))
    }

    @Test("every state symbol is one column wide")
    func symbolsAreNarrow() {
        for s in WorkState.known + [.unknown("x")] {
            #expect(DisplayWidth.of(StateBadge.of(s).symbol) == 1)
        }
        #expect(DisplayWidth.of(StateBadge.selectionMarker) == 1)
        #expect(DisplayWidth.of(StateBadge.attentionMarker) == 1)
    }

    @Test("the selected row has the marker and the selection role; inactive when the detail has focus")
    func selection() throws {
        var state = F.loaded(size: Size(width: 120, height: 40))
        var screen = F.render(state)
        let y = try #require(Self.listRow(state, screen, id: F.workID(1)))
        #expect(screen.row(y: y).hasPrefix("▶"))
        #expect(screen.styleLines(legend: ScreenChecks.legend)[y].allSatisfy { $0 == "S" })
        F.press(&state, .tab)
        screen = F.render(state)
        #expect(screen.row(y: y).hasPrefix("▶"))
        #expect(screen.styleLines(legend: ScreenChecks.legend)[y].allSatisfy { $0 == "s" })
        // Other rows carry no marker.
        #expect(!screen.row(y: y + 1).hasPrefix("▶"))
    }

    @Test("items needing attention have the marker and the reason in the attention role")
    func attentionRows() throws {
        let state = F.loaded(size: Size(width: 120, height: 40))
        let screen = F.render(state)
        let roles = screen.styleLines(legend: ScreenChecks.legend)
        let expectations: [(Int, String)] = [
            (5, "no heartbeat 4m"), (6, "stopping 2m"), (8, "starting 5m"), (9, "queued 8m"),
        ]
        let note = try #require(WorkColumns.plan(width: 120).slot(.note))
        for (n, reason) in expectations {
            let y = try #require(Self.listRow(state, screen, id: F.workID(n)))
            let row = screen.row(y: y)
            #expect(Array(row)[1] == "!")
            #expect(Array(roles[y])[1] == "A")
            #expect(row.contains(reason))
            #expect(Array(roles[y])[note.x] == "A")
        }
        let healthy = try #require(Self.listRow(state, screen, id: F.workID(4)))
        #expect(Array(screen.row(y: healthy))[1] == " ")
    }

    @Test("hostile metadata shows as visible escapes and wide text keeps columns aligned", arguments: [60, 80, 120, 200])
    func hostileMetadataRow(width: Int) throws {
        let state = F.loaded(size: Size(width: width, height: 30))
        let screen = F.render(state)
        ScreenChecks.expectWellFormed(screen)
        let y = try #require(Self.listRow(state, screen, id: width >= 80 ? F.workID(1) : "01K7mQ2xW9pL4"))
        let row = screen.row(y: y)
        #expect(!row.contains("\u{1b}"))
        #expect(DisplayWidth.of(row) == width)
    }

    @Test("a metadata summary is sorted by key and escapes newlines")
    func metadataSummary() {
        let summary = WorkRow.metadataSummary(F.hostileMetadata, limit: 200)
        #expect(summary.hasPrefix("emoji=🚀 launch, note="))
        #expect(summary.hasSuffix(", owner=山田太郎"))
        #expect(SafeText.visible(summary).contains("\\e[31mred\\e[0m\\nnext"))
        let huge = ["k": String(repeating: "x", count: 100_000)]
        #expect(WorkRow.metadataSummary(huge, limit: 20).count <= 24)
    }

    @Test("a value with newlines, tabs and a bidi override never breaks or reorders a row")
    func controlCharactersInValues() throws {
        var item = F.items[3]
        item.metadata = ["x": "a\nb\rc\td\u{202E}evil\u{7}"]
        let state = F.loaded(size: Size(width: 120, height: 30), items: [item])
        let screen = F.render(state)
        ScreenChecks.expectWellFormed(screen)
        let y = try #require(Self.listRow(state, screen, id: item.id))
        #expect(screen.row(y: y).contains("x=a\\nb\\rc\\td\\u{202e"))
        let roles = Array(screen.styleLines(legend: ScreenChecks.legend)[y])
        let x = DisplayWidth.of(String(screen.row(y: y).prefix { $0 != "\\" }))
        #expect(roles[x] == "E" && roles[x + 1] == "E")
    }

    @Test("columns: the id stays whole down to 80 columns; session shows from 100; rows never exceed the width",
          arguments: [50, 60, 71, 80, 83, 100, 120, 124, 200])
    func columnPlans(width: Int) throws {
        let plan = WorkColumns.plan(width: width)
        let last = try #require(plan.slots.last)
        #expect(last.x + last.width <= width)
        for (a, b) in zip(plan.slots, plan.slots.dropFirst()) { #expect(a.x + a.width < b.x) }
        if width >= 80 { #expect(plan.slot(.id)?.width == 29) }
        #expect((plan.slot(.session) != nil) == (width >= 100))
        if width >= 120 { #expect(plan.slot(.session)?.width == 32) }
        #expect(plan.slot(.state)?.width == 10)
        #expect((plan.slot(.note)?.width ?? 0) >= 16 || width < 60)
    }

    @Test("search: the /query line with a cursor and the match count")
    func searchLine() {
        var state = F.loaded(size: Size(width: 120, height: 40))
        F.press(&state, .character("/"), .character("a"), .character("c"), .character("m"), .character("e"))
        var screen = F.render(state)
        var line = screen.textLines[state.layout.status.y]
        #expect(line.hasPrefix(" /acme█  3 matches"))
        let roles = screen.styleLines(legend: [.search: "/"])[state.layout.status.y]
        #expect(roles.dropFirst().prefix(6).allSatisfy { $0 == "/" })
        F.press(&state, .enter)
        screen = F.render(state)
        line = screen.textLines[state.layout.status.y]
        #expect(line.contains("search /acme  3 matches · Esc clears"))
        #expect(line.contains("3 of 12"))
    }

    @Test("filter and sort show on the status line; an empty result says why")
    func filterAndSort() {
        var state = F.loaded(size: Size(width: 120, height: 40))
        F.press(&state, .character("o"))
        var line = F.render(state).textLines[state.layout.status.y]
        #expect(line.contains("Sorted: oldest first"))
        #expect(line.contains("sort oldest first · 12 items"))
        F.press(&state, .character("f"), .down, .enter)
        line = F.render(state).textLines[state.layout.status.y]
        #expect(line.contains("filter needs attention · sort oldest first · 4 of 12"))
        F.press(&state, .character("/"), .character("z"), .character("z"), .enter)
        let screen = F.render(state)
        #expect(screen.textLines[state.layout.listBody.y].contains(
            "No items match for filter \"needs attention\" and search \"zz\" (12 in total). Esc clears the search and filter."))
        ScreenChecks.expectWellFormed(screen)
    }

    @Test("before the first page the list says it is loading, not an empty table")
    func loading() {
        var state = AppState(options: F.options(), size: Size(width: 80, height: 24), now: F.now)
        _ = state.apply(.tick(F.now))
        let screen = F.render(state)
        ScreenChecks.expectWellFormed(screen)
        #expect(screen.textLines[state.layout.listBody.y].contains("Loading work items…"))
        #expect(!screen.text.contains("work_"))
    }

    @Test("an empty environment says so")
    func emptyEnvironment() {
        let state = F.loaded(size: Size(width: 80, height: 24), items: [])
        #expect(F.render(state).textLines[state.layout.listBody.y].contains("No work items in this environment."))
    }

    @Test("resizing reflows the same state without losing the selection")
    func resizeReflows() {
        var state = F.loaded(size: Size(width: 200, height: 50))
        F.press(&state, .down, .down)
        for size in [Size(width: 80, height: 24), Size(width: 140, height: 30), Size(width: 61, height: 17), Size(width: 200, height: 50)] {
            _ = state.apply(.resize(size))
            let screen = F.render(state)
            #expect(screen.size == size)
            ScreenChecks.expectWellFormed(screen)
            #expect(screen.textLines.contains { $0.hasPrefix("▶") && $0.contains("03K7mQ2xW9pL4") })
            #expect(state.layout.sideBySide == (size.width >= DashboardLayout.sideBySideWidth))
        }
    }
}
