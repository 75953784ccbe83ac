import EnvtopCore
import EnvtopUI
import EnvtopModels
import Foundation
import Testing

private typealias F = ViewFixtures

/// The key bar and the `?` overlay come from `KeyMap`, the table dispatch uses.
@Suite("Key bar and help")
struct KeyBarAndHelpTests {
    /// What the bar shows for `bindings` with their full help, as drawn.
    static func barText(_ bindings: [Binding]) -> String {
        " " + bindings.map { "\($0.label) \($0.help)" }.joined(separator: "  ")
    }

    @Test("a wide bar shows exactly KeyMap.keyBar for the list, with full help texts")
    func wideBarMatchesKeyMap() {
        let state = F.loaded(size: Size(width: 300, height: 50))
        let screen = F.render(state)
        let expected = Self.barText(KeyMap.keyBar(for: .list, readOnly: false))
        #expect(screen.textLines[state.layout.keyBar.y].hasPrefix(expected))
        #expect(DashboardView.keyBar(state).items(width: 300).map(\.binding) == KeyMap.keyBar(for: .list, readOnly: false))
        // At 200 columns the same hints show, each with a one-word text.
        let items = DashboardView.keyBar(state).items(width: 200)
        #expect(items.map(\.binding) == KeyMap.keyBar(for: .list, readOnly: false))
        #expect(items.first { $0.binding.action == .forceStop }?.text == "force stop")
    }

    @Test("the bar follows the key scope: detail, search, dialog, help, filter menu")
    func barFollowsScope() {
        var state = F.loaded(size: Size(width: 200, height: 50))
        F.press(&state, .tab)
        #expect(state.keyScope == .detail)
        var line = F.render(state).textLines[state.layout.keyBar.y]
        #expect(line.hasPrefix(Self.barText(KeyMap.keyBar(for: .detail, readOnly: false))))

        F.press(&state, .tab, .character("/"))
        line = F.render(state).textLines[state.layout.keyBar.y]
        #expect(line.hasPrefix(Self.barText(KeyMap.keyBar(for: .search, readOnly: false))))

        F.press(&state, .escape, .character("s"))
        #expect(state.keyScope == .dialog)
        line = F.render(state).textLines[state.layout.keyBar.y]
        #expect(line.hasPrefix(Self.barText(KeyMap.keyBar(for: .dialog, readOnly: false))))

        F.press(&state, .escape, .character("f"))
        line = F.render(state).textLines[state.layout.keyBar.y]
        #expect(line.hasPrefix(Self.barText(KeyMap.keyBar(for: .filterMenu, readOnly: false))))
    }

    @Test("a narrow bar keeps KeyMap order, shortens the texts, and always keeps ? and q", arguments: [60, 80, 100])
    func narrowBar(width: Int) {
        let state = F.loaded(size: Size(width: width, height: 24))
        let items = DashboardView.keyBar(state).items(width: width)
        let all = KeyMap.keyBar(for: .list, readOnly: false)
        let shown = items.map(\.binding)
        // A subsequence of the table, in table order.
        var rest = all[...]
        for binding in shown {
            let index = rest.firstIndex(of: binding)
            #expect(index != nil, "\(binding.label) is not in KeyMap.keyBar order")
            if let index { rest = rest[(index + 1)...] }
        }
        #expect(shown.contains { $0.action == .help })
        #expect(shown.contains { $0.action == .quit })
        let line = F.render(state).textLines[state.layout.keyBar.y]
        for item in items { #expect(line.contains("\(item.binding.label) \(item.text)")) }
        #expect(DisplayWidth.of(line) == width)
    }

    @Test("read-only: the bar offers no stop keys")
    func readOnlyBar() {
        let state = F.loaded(size: Size(width: 300, height: 50), readOnly: true)
        let line = F.render(state).textLines[state.layout.keyBar.y]
        #expect(line.hasPrefix(Self.barText(KeyMap.keyBar(for: .list, readOnly: true))))
        #expect(!line.contains("S force stop"))
        #expect(!line.contains("s stop"))
    }

    @Test("the help overlay lists every binding's label and help, scope by scope")
    func helpListsEveryBinding() {
        var state = F.loaded(size: Size(width: 100, height: 90))
        F.press(&state, .character("?"))
        #expect(state.overlay == .help(HelpModal()))
        let screen = F.render(state)
        ScreenChecks.expectWellFormed(screen)
        let text = screen.text
        for scope in KeyScope.allCases where !KeyMap.bindings(in: scope).isEmpty {
            #expect(text.contains(scope.rawValue))
        }
        for binding in KeyMap.bindings {
            let row = screen.textLines.first { $0.contains(binding.help) }
            #expect(row != nil, "help for \(binding.label) missing: \(binding.help)")
            #expect(row?.contains(binding.label) == true, "label \(binding.label) not beside its help")
        }
    }

    @Test("help scrolls at 80x24 and says there is more")
    func helpScrolls() {
        var state = F.loaded(size: Size(width: 80, height: 24))
        F.press(&state, .character("?"))
        let top = F.render(state)
        ScreenChecks.expectWellFormed(top)
        #expect(top.text.contains("↓ j more"))
        #expect(top.text.contains(KeyMap.bindings[0].help))
        for _ in 0..<200 { F.press(&state, .down) }
        let bottom = F.render(state)
        ScreenChecks.expectWellFormed(bottom)
        #expect(!bottom.text.contains("↓ j more"))
        // The glossary and the runbook rules come last.
        #expect(bottom.text.contains("backlog growing: depth rose for 3m without falling back"))
        let last = KeyMap.bindings.last!
        #expect(bottom.text.contains(last.help))
    }

    @Test("read-only help says stop keys are off")
    func readOnlyHelp() {
        var state = F.loaded(size: Size(width: 100, height: 90), readOnly: true)
        F.press(&state, .character("?"))
        let screen = F.render(state)
        let stopRow = screen.textLines.first { $0.contains("force stop the selected item") }
        #expect(stopRow?.contains("(off: read-only)") == true)
        #expect(screen.text.contains("no key can change anything"))
    }
}
