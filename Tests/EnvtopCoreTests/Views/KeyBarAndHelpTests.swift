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

    @Test("a wide bar shows exactly the default key bar for the list, with full help texts")
    func wideBarMatchesKeyMap() {
        let state = F.loaded(size: Size(width: 300, height: 50))
        let screen = F.render(state)
        let expected = Self.barText(KeyBindings.standard.keyBar(for: .list, readOnly: false))
        #expect(screen.textLines[state.layout.keyBar.y].hasPrefix(expected))
        #expect(DashboardView.keyBar(state).items(width: 300).map(\.binding) == KeyBindings.standard.keyBar(for: .list, readOnly: false))
        // At 200 columns the same hints show, each with a one-word text.
        let items = DashboardView.keyBar(state).items(width: 200)
        #expect(items.map(\.binding) == KeyBindings.standard.keyBar(for: .list, readOnly: false))
        #expect(items.first { $0.binding.action == .forceStop }?.text == "force stop")
    }

    @Test("the bar follows the key scope: detail, search, dialog, help, filter menu")
    func barFollowsScope() {
        var state = F.loaded(size: Size(width: 200, height: 50))
        F.press(&state, .tab)
        #expect(state.keyScope == .detail)
        var line = F.render(state).textLines[state.layout.keyBar.y]
        #expect(line.hasPrefix(Self.barText(KeyBindings.standard.keyBar(for: .detail, readOnly: false))))

        F.press(&state, .tab, .character("/"))
        line = F.render(state).textLines[state.layout.keyBar.y]
        #expect(line.hasPrefix(Self.barText(KeyBindings.standard.keyBar(for: .search, readOnly: false))))

        F.press(&state, .escape, .character("s"))
        #expect(state.keyScope == .dialog)
        line = F.render(state).textLines[state.layout.keyBar.y]
        #expect(line.hasPrefix(Self.barText(KeyBindings.standard.keyBar(for: .dialog, readOnly: false))))

        F.press(&state, .escape, .character("f"))
        line = F.render(state).textLines[state.layout.keyBar.y]
        #expect(line.hasPrefix(Self.barText(KeyBindings.standard.keyBar(for: .filterMenu, readOnly: false))))
    }

    @Test("a narrow bar keeps KeyMap order, shortens the texts, and always keeps ? and q", arguments: [60, 80, 100])
    func narrowBar(width: Int) {
        let state = F.loaded(size: Size(width: width, height: 24))
        let items = DashboardView.keyBar(state).items(width: width)
        let all = KeyBindings.standard.keyBar(for: .list, readOnly: false)
        let shown = items.map(\.binding)
        // A subsequence of the table, in table order.
        var rest = all[...]
        for binding in shown {
            let index = rest.firstIndex(of: binding)
            #expect(index != nil, "\(binding.label) is not in the key bar's order")
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
        #expect(line.hasPrefix(Self.barText(KeyBindings.standard.keyBar(for: .list, readOnly: true))))
        #expect(!line.contains("S force stop"))
        #expect(!line.contains("s stop"))
    }

    @Test("the help overlay lists every binding's label and help, scope by scope, over its pages")
    func helpListsEveryBinding() {
        var state = F.loaded(size: Size(width: 100, height: 60))
        F.press(&state, .character("?"))
        guard case .help(let help) = state.overlay else { Issue.record("no help"); return }
        #expect(help.maxScroll > 0)
        // Page through with PgDn, keeping every line seen.
        var lines: [String] = []
        for _ in 0...(help.maxScroll / help.page + 1) {
            let screen = F.render(state)
            ScreenChecks.expectWellFormed(screen)
            lines += screen.textLines
            F.press(&state, .pageDown)
        }
        let text = lines.joined(separator: "\n")
        for scope in KeyScope.allCases where !KeyBindings.standard.bindings(in: scope).isEmpty {
            #expect(text.contains(scope.rawValue))
        }
        for binding in KeyMap.bindings {
            let row = lines.first { $0.contains(binding.help) }
            #expect(row != nil, "help for \(binding.label) missing: \(binding.help)")
            #expect(row?.contains(binding.label) == true, "label \(binding.label) not beside its help")
        }
    }

    @Test("help pages: PgDn, PgUp, g and G move by the page and to the ends, and the scroll is clamped in the state")
    func helpPages() throws {
        var state = F.loaded(size: Size(width: 80, height: 24))
        F.press(&state, .character("?"))
        var help: HelpModal { if case .help(let h) = state.overlay { h } else { HelpModal() } }
        let top = F.render(state)
        ScreenChecks.expectWellFormed(top)
        #expect(top.text.contains("PgDn/j more"))
        #expect(top.text.contains(KeyMap.bindings[0].help))
        #expect(help.page == 20)
        F.press(&state, .pageDown)
        #expect(help.scroll == 20)
        F.press(&state, .pageUp)
        #expect(help.scroll == 0)
        F.press(&state, .character("G"))
        #expect(help.scroll == help.maxScroll)
        for _ in 0..<50 { F.press(&state, .down) }
        #expect(help.scroll == help.maxScroll, "clamped in the state, not only when drawn")
        let bottom = F.render(state)
        ScreenChecks.expectWellFormed(bottom)
        #expect(!bottom.text.contains("PgDn/j more"))
        #expect(bottom.text.contains("backlog growing: depth rose for 3m without falling back"))
        // One step up is one line up from the end, at once.
        F.press(&state, .up)
        #expect(help.scroll == help.maxScroll - 1)
        F.press(&state, .character("g"))
        #expect(help.scroll == 0)
        // A taller screen shows more: the same scroll is clamped to the new end.
        F.press(&state, .character("G"))
        _ = state.apply(.resize(Size(width: 80, height: 50)))
        #expect(help.page == 46)
        #expect(help.scroll == help.maxScroll)
    }

    @Test("a wide screen shows help in two columns: half the rows")
    func helpTwoColumns() {
        var narrow = F.loaded(size: Size(width: 100, height: 40))
        var wide = F.loaded(size: Size(width: 180, height: 40))
        F.press(&narrow, .character("?"))
        F.press(&wide, .character("?"))
        guard case .help(let one) = narrow.overlay, case .help(let two) = wide.overlay else { Issue.record("no help"); return }
        #expect(two.rows == (one.rows + 1) / 2)
        let screen = F.render(wide)
        ScreenChecks.expectWellFormed(screen)
        // The first column starts with the key table; the second holds later lines on the same rows.
        let firstRow = screen.textLines.first { $0.contains(KeyScope.global.rawValue) }
        #expect(firstRow != nil)
        #expect((firstRow?.count ?? 0) > 100, "a second column on the same row: \(firstRow ?? "")")
    }

    @Test("read-only help says stop keys are off")
    func readOnlyHelp() {
        var state = F.loaded(size: Size(width: 100, height: 120), readOnly: true)
        F.press(&state, .character("?"))
        let screen = F.render(state)
        let stopRow = screen.textLines.first { $0.contains("force stop the selected item") }
        #expect(stopRow?.contains("(off: read-only)") == true)
        #expect(screen.text.contains("no key can change anything"))
    }
}
