import EnvtopCore
import EnvtopModels
import EnvtopUI
import Foundation
import Testing

/// `keys:` in the config: names, lists, scopes, conflicts and unknown names with their line, and
/// every place that names a key following the map in effect.
@Suite("Key remapping")
struct KeyRemapTests {
    typealias F = StateFixtures
    let file = "/home/op/.config/envtop/config.yaml"

    func problem(_ text: String) -> String { configProblem(text, file: file) }

    func keys(_ text: String) throws -> KeyBindings {
        try #require(try EnvtopConfig.parse(text, file: file).keys)
    }

    @Test("the default table binds no key twice where both would apply")
    func defaultsHaveNoConflicts() {
        #expect(KeyBindings.standard.conflicts().isEmpty)
    }

    @Test("a name rebinds its action in every scope; a list gives several keys; scope.name only one scope")
    func rebinding() throws {
        let map = try keys("""
            keys:
              force_stop: K
              down: [J, ctrl-n]
              help.up: U
            """)
        #expect(map.action(for: .character("K"), in: .list) == .forceStop)
        #expect(map.action(for: .character("S"), in: .list) == nil)
        for scope in [KeyScope.list, .detail, .help] {
            #expect(map.action(for: .character("J"), in: scope) == .moveDown)
            #expect(map.action(for: .control("n"), in: scope) == .moveDown)
            #expect(map.action(for: .down, in: scope) == nil)
        }
        #expect(map.action(for: .character("U"), in: .help) == .moveUp)
        #expect(map.action(for: .character("k"), in: .list) == .moveUp, "list.up keeps its keys")
        #expect(map.bindings(in: .list).first { $0.action == .moveDown }?.label == "J/ctrl-n")
    }

    @Test("conflicts, unknown actions, scopes and key names are errors at their line")
    func errors() {
        #expect(problem("""
            refresh: 2
            keys:
              search: f
            """) == "\(file):3: keys: f is bound to both search (work list) and filter (work list); rebind one of them")
        #expect(problem("""
            keys:
              forcestop: K
            """) == "\(file):2: keys: unknown action 'forcestop' (did you mean 'force_stop'?) (envtop keys --names lists them)")
        #expect(problem("""
            keys:
              lst.down: J
            """).hasPrefix("\(file):2: keys: unknown scope 'lst' (did you mean 'list'?)"))
        #expect(problem("""
            keys:
              down:
                - J
                - ctrl-nn
            """).hasPrefix("\(file):4: keys.down: unknown key 'ctrl-nn'"))
        #expect(problem("""
            keys:
              quit: C
            """).contains("C is bound to both"), "C copies the item as JSON")
    }

    @Test("the help, the key bar and every notice name the keys in effect")
    func namesFollowTheMap() throws {
        let map = try keys("""
            keys:
              force_stop: K
              help: H
              history: Y
            """)
        var env = WatchedEnvironment(id: F.env)
        env.allowed = Set(Permission.allCases)
        var options = AppState.Options(environments: [env], refreshInterval: 2)
        options.keys = map
        var s = AppState(options: options, size: Size(width: 140, height: 40), now: F.t0)
        F.answer(&s, s.apply(.tick(F.t0)), pages: [[F.item(1), F.item(2)]])
        let bar = DashboardView.render(s).textLines.last ?? ""
        #expect(bar.contains("K force stop") || bar.contains("K force"), "key bar: \(bar)")
        #expect(!bar.contains("S force"))
        _ = s.apply(.key(.character("x")))
        #expect(DashboardView.render(s).text.contains("x is not a key here; H lists them"))
        _ = s.apply(.key(.character("K")))
        guard case .stopDialog(let dialog) = s.overlay else { Issue.record("K opens the force stop"); return }
        #expect(dialog.mode == .force)
        _ = s.apply(.key(.escape))
        _ = s.apply(.key(.character("H")))
        #expect(s.keyScope == .help)
        let help = DashboardView.render(s).textLines
        #expect(help.contains { $0.contains("K ") && $0.contains("force stop the selected item") })
        #expect(NoticeWording(keys: map).text(.followedOverdue(workID: "w", after: 50)).hasSuffix("K forces it"))
    }
}
