@testable import EnvtopCore
@testable import EnvtopUI
import EnvtopModels
import Foundation
import Testing

private typealias F = ViewFixtures

/// The stop confirmation, the filter menu, and the too-small message.
@Suite("Overlays")
struct OverlayTests {
    /// The text inside the box on screen, rows joined by spaces, runs of spaces collapsed.
    static func boxText(_ screen: Screen) -> String {
        var parts: [String] = []
        for line in screen.textLines {
            guard let first = line.firstIndex(of: "│"), let last = line.lastIndex(of: "│"), first < last else { continue }
            parts.append(String(line[line.index(after: first)..<last]))
        }
        return parts.joined(separator: " ").split(separator: " ").joined(separator: " ")
    }

    /// The screen's words in reading order, single-spaced.
    static func words(_ screen: Screen) -> String {
        screen.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test("the stop dialog names the item, its session, state and time in it, and what will happen")
    func stopDialog() {
        var state = F.loaded(size: Size(width: 100, height: 30))
        F.press(&state, .character("s"))
        let screen = F.render(state)
        ScreenChecks.expectWellFormed(screen)
        let text = Self.boxText(screen)
        #expect(text.contains("Stop \(F.workID(1)) in Production?"))
        #expect(text.contains("env Production (\(F.env))"), "the dialog names the environment the stop goes to")
        #expect(text.contains("session \(F.sessionID(1))"))
        #expect(text.contains("state ● active for 15s"))
        #expect(text.contains("Not re-checked with the API yet: showing the list's copy."))
        #expect(text.contains("What happens: It becomes stopping; its worker sees that on its next heartbeat (within 30s) and ends the session."))
        #expect(text.contains("[ Cancel ] [ Stop ]"))
        #expect(screen.text.contains("┌─ Stop work item ─"))
        // Cancel is focused by default.
        let y = screen.textLines.firstIndex { $0.contains("[ Cancel ]") }!
        let x = DisplayWidth.of(String(screen.textLines[y].prefix { $0 != "[" }))
        let roles = Array(screen.styleLines(legend: [.dialogButtonFocused: "F", .dialogButton: "b"])[y])
        #expect(roles[x] == "F")
    }

    @Test("the dialog says when the item changed state after it opened")
    func stateChanged() {
        var state = F.loaded(size: Size(width: 100, height: 30))
        F.press(&state, .character("s"))
        var changed = F.items[0]
        changed.state = .stopping
        changed.stopRequestedAt = F.now.addingTimeInterval(-1)
        _ = state.apply(.itemChecked(environmentID: F.env, workID: changed.id, .success(changed), at: F.now))
        let screen = F.render(state)
        ScreenChecks.expectWellFormed(screen)
        let text = Self.boxText(screen)
        #expect(text.contains("! It changed since you opened this: it was ● active, it is now ◑ stopping."))
        #expect(text.contains("state ◑ stopping for 0s"))
        #expect(text.contains("Checked with the API just now."))
        #expect(text.contains("A stop was already requested; asking again changes nothing."))
        let y = screen.textLines.firstIndex { $0.contains("It changed since") }!
        #expect(screen.styleLines(legend: [.destructive: "D"])[y].contains("DDDDD"))
    }

    @Test("force stop: a destructive title, and only y confirms")
    func forceDialog() {
        var state = F.loaded(size: Size(width: 100, height: 30))
        for _ in 0..<7 { F.press(&state, .down) }
        F.press(&state, .character("S"))
        var screen = F.render(state)
        let text = Self.boxText(screen)
        #expect(screen.text.contains(" FORCE STOP "))
        #expect(text.contains("Force stop \(F.workID(5)) in Production?"))
        #expect(text.contains("Only y confirms a force stop."))
        #expect(text.contains("[ Cancel ] [ Force stop: press y ]"))
        F.press(&state, .tab)
        screen = F.render(state)
        let y = screen.textLines.firstIndex { $0.contains("[ Force stop") }!
        let x = DisplayWidth.of(String(screen.textLines[y][..<screen.textLines[y].range(of: "[ Force")!.lowerBound]))
        #expect(Array(screen.styleLines(legend: [.destructive: "D"])[y])[x] == "D")
    }

    @Test("on the smallest screen the dialog still shows its buttons", arguments: [Size(width: 60, height: 16), Size(width: 60, height: 20)])
    func dialogOnSmallScreen(size: Size) {
        var state = F.loaded(size: size)
        F.press(&state, .character("S"))
        let screen = F.render(state)
        ScreenChecks.expectWellFormed(screen)
        #expect(screen.text.contains("[ Cancel ]"))
        #expect(screen.text.contains(F.workID(1)))
    }

    @Test("the filter menu lists every filter with its count and marks the current one")
    func filterMenu() {
        var state = F.loaded(size: Size(width: 80, height: 24))
        F.press(&state, .character("f"), .down)
        let screen = F.render(state)
        ScreenChecks.expectWellFormed(screen)
        let rows = screen.textLines
        func row(_ label: String) -> String? { rows.first { $0.contains(" \(label) ") || $0.contains(" \(label)(") } }
        #expect(rows.contains { $0.contains("all (current)") && $0.contains("12 │") })
        #expect(rows.contains { $0.contains("▶ needs attention") && $0.contains("4 │") })
        #expect(rows.contains { $0.contains("stopping") && $0.contains("2 │") })
        #expect(screen.text.contains("Enter applies · Esc closes"))
    }

    @Test("below the minimum size: a clear message, at any size down to nothing",
          arguments: [Size(width: 59, height: 16), Size(width: 60, height: 15), Size(width: 30, height: 6), Size(width: 1, height: 1), Size(width: 0, height: 0)])
    func tooSmall(size: Size) {
        let state = F.loaded(size: size)
        #expect(state.layout.isTooSmall)
        let screen = F.render(state)
        #expect(screen.size == size)
        ScreenChecks.expectWellFormed(screen)
        if size.width >= 30 {
            #expect(screen.text.contains("Terminal too small"))
            #expect(Self.words(screen).contains("needs at least 60x16"))
        }
    }

    @Test("too small with a stop dialog open: it says the dialog is still listening")
    func tooSmallWithDialog() {
        var state = F.loaded(size: Size(width: 80, height: 24))
        F.press(&state, .character("S"))
        _ = state.apply(.resize(Size(width: 50, height: 12)))
        let text = Self.words(F.render(state))
        #expect(text.contains("A stop confirmation for"))
        #expect(text.contains("Esc cancels it."))
    }

    @Test("an overlay edge over a wide character leaves no half glyph")
    func boxOverWideGlyphs() {
        var screen = Screen(size: Size(width: 10, height: 3))
        for y in 0..<3 { screen.write("山山山山山", x: 0, y: y) }
        Box.draw(Rect(x: 1, y: 0, width: 4, height: 3), into: &screen, style: .normal, borderStyle: .normal)
        for y in 0..<3 { #expect(DisplayWidth.of(screen.row(y: y)) == 10, "\(screen.row(y: y))") }
        #expect(screen.row(y: 1) == " │  │ 山山")

        var item = F.items[3]
        item.metadata = ["k": String(repeating: "山", count: 30)]
        var state = F.loaded(size: Size(width: 80, height: 24), items: [item])
        F.press(&state, .character("?"))
        ScreenChecks.expectWellFormed(F.render(state))
    }
}
