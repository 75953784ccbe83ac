import EnvtopCore
import EnvtopUI
import EnvtopModels
import Foundation
import Testing

private typealias F = ViewFixtures

/// The detail pane: every field, local times with ages, derived facts, metadata in full.
@Suite("Detail pane")
struct DetailPaneTests {
    static func lines(_ state: AppState, width: Int = 80) -> [DetailLine] {
        DetailLines.build(state: state, width: width, timeZone: F.utc)
    }

    static func value(_ label: String, in lines: [DetailLine]) -> String? {
        lines.first { $0.kind == .field && $0.label == label }?.value
    }

    @Test("every field of the item, times as local time and age, and the secret never shown")
    func fields() throws {
        var state = F.loaded(size: Size(width: 120, height: 40))
        for _ in 0..<7 { F.press(&state, .down) }
        #expect(state.selectedID == F.workID(5))
        let lines = Self.lines(state)
        #expect(Self.value("id", in: lines) == F.workID(5))
        #expect(Self.value("state", in: lines) == "● active for 19m")
        #expect(Self.value("kind", in: lines) == "session")
        #expect(Self.value("session", in: lines) == F.sessionID(5))
        #expect(Self.value("environment", in: lines) == F.env)
        #expect(Self.value("created", in: lines) == "11:40:00Z (20m ago)")
        #expect(Self.value("acknowledged", in: lines) == "11:40:01Z (19m ago)")
        #expect(Self.value("started", in: lines) == "11:40:02Z (19m ago)")
        #expect(Self.value("last heartbeat", in: lines) == "11:56:00Z (4m ago)")
        #expect(Self.value("stop requested", in: lines) == "—")
        #expect(Self.value("stopped", in: lines) == "—")
        // The durations between the steps; an absent step makes an absent duration, never 0.
        #expect(Self.value("queue wait", in: lines) == "1s")
        #expect(Self.value("start latency", in: lines) == "1s")
        #expect(Self.value("run time", in: lines) == "19m58s")
        #expect(Self.value("heartbeat age", in: lines) == "4m")
        #expect(Self.value("drain age", in: lines) == "—")
        #expect(Self.value("secret", in: lines) == "none kept (never shown)")
        #expect(Self.value("lease", in: lines) == "LOST: last heartbeat 4m ago, past the 1m30s lease")
        // Diagnosed: the lease-lost signature, its cause and its fix.
        let attention = lines.filter { $0.kind == .attention }.map(\.value).joined(separator: " ")
        #expect(attention.hasPrefix("LEASE LOST: The last heartbeat is older than the lease TTL"))
        #expect(Self.value("fix", in: lines)?.hasPrefix("Force stop (S) ends it") == true)
        #expect(lines.first { $0.kind == .attention }?.label == "!")
        // No live worker: the graceful stop is not advised.
        #expect(Self.value("s stop", in: lines)?.hasPrefix("No live worker holds it (lease lost: last heartbeat 4m ago)") == true)
        #expect(Self.value("S force stop", in: lines)?.hasPrefix("It becomes stopped at once.") == true)
    }

    @Test("a time on another day shows the date; a stopping item nobody drains is diagnosed as drain overdue")
    func otherDayAndStopping() throws {
        var state = F.loaded(size: Size(width: 120, height: 40))
        F.press(&state, .character("G"))
        #expect(state.selectedID == F.workID(10))
        var lines = Self.lines(state)
        #expect(Self.value("created", in: lines) == "Mar 3 10:00:00Z (1d2h ago)")
        #expect(Self.value("stopped", in: lines) == "Mar 3 12:00:00Z (1d0h ago)")
        #expect(Self.value("S force stop", in: lines) == "It is already stopped: nothing will change.")
        for _ in 0..<3 { F.press(&state, .up) }
        #expect(state.selectedID == F.workID(6))
        lines = Self.lines(state)
        #expect(Self.value("drain age", in: lines) == "2m")
        let attention = lines.filter { $0.kind == .attention }.map(\.value).joined(separator: " ")
        #expect(attention.hasPrefix("DRAIN OVERDUE: A graceful stop was asked more than one heartbeat interval ago"))
    }

    @Test("metadata in full, sorted, hostile text escaped, scrollable to the end")
    func hostileMetadataInFull() throws {
        var state = F.loaded(size: Size(width: 80, height: 24))
        #expect(state.selectedID == F.workID(1))
        let lines = Self.lines(state)
        #expect(Self.value("emoji", in: lines) == "🚀 launch")
        #expect(Self.value("note", in: lines) == F.hostileNote)
        #expect(Self.value("owner", in: lines) == "山田太郎")
        F.press(&state, .tab, .character("G"))
        let screen = F.render(state)
        ScreenChecks.expectWellFormed(screen)
        let body = state.layout.detailBody
        let rows = (body.y..<body.maxY).map { screen.row(y: $0) }
        let note = try #require(rows.firstIndex { $0.contains("note") })
        #expect(rows[note].contains("\\e[31mred\\e[0m\\nnext"))
        #expect(rows.last?.contains("owner           山田太郎") == true)
        let roles = Array(screen.styleLines(legend: ScreenChecks.legend)[body.y + note])
        let x = DisplayWidth.of(String(rows[note].prefix { $0 != "\\" }))
        #expect(roles[x] == "E" && roles[x + 1] == "E")
        #expect(screen.textLines[state.layout.detailTitle.y].contains("/31 "))
    }

    @Test("long values and keys wrap to the pane width instead of being cut")
    func wrapping() {
        var item = F.items[3]
        let long = String(repeating: "0123456789", count: 12)
        item.metadata = ["a-very-long-metadata-key-that-does-not-fit": long, "wide": String(repeating: "山", count: 40)]
        let state = F.loaded(size: Size(width: 80, height: 24), items: [item])
        let lines = Self.lines(state, width: 40)
        for line in lines {
            let used = line.kind == .field ? DetailLines.labelWidth(for: 40) + SafeText.width(line.value) : 2 + SafeText.width(line.value)
            #expect(used <= 40, "\(line)")
        }
        // Wrapping loses nothing: the pieces join back into the original text.
        let metadata = lines.drop { $0.label != "Metadata (2)" }.dropFirst()
        #expect(metadata.map(\.value).joined() == "a-very-long-metadata-key-that-does-not-fit" + long + String(repeating: "山", count: 40))
        #expect(metadata.filter { $0.kind == .text }.count == 2)
        #expect(metadata.filter { $0.kind == .field && $0.label == "wide" }.count == 1)
    }

    @Test("read-only: the stop consequences are replaced by why stopping is off")
    func readOnly() {
        let state = F.loaded(size: Size(width: 80, height: 24), readOnly: true)
        let lines = Self.lines(state)
        #expect(Self.value("s stop", in: lines) == nil)
        #expect(lines.contains { $0.value == "Stopping is off: envtop was started with --read-only." })
    }

    @Test("the reducer's scroll bound and the pane agree: the last line is reachable, not more")
    func scrollBound() {
        var state = F.loaded(size: Size(width: 80, height: 24))
        F.press(&state, .tab)
        for _ in 0..<100 { F.press(&state, .down) }
        let total = DetailLines.build(state: state, width: state.layout.detailBody.width).count
        #expect(state.detailScroll == total - state.layout.detailBody.height)
        let title = F.render(state).textLines[state.layout.detailTitle.y]
        #expect(title.contains("\(state.detailScroll + 1)-\(total)/\(total) "))
        #expect(!title.contains("↓"))
    }

    @Test("nothing selected: no lines, and a hint in the pane")
    func nothingSelected() {
        var state = AppState(options: F.options(), size: Size(width: 80, height: 24), now: F.now)
        _ = state.apply(.tick(F.now))
        #expect(DetailLines.build(state: state, width: 80).isEmpty)
        #expect(F.render(state).textLines[state.layout.detailBody.y].contains("Nothing to show."))
    }
}
