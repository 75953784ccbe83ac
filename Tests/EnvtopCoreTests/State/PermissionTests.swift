import EnvtopCore
import EnvtopUI
import EnvtopModels
import Foundation
import Testing

@Suite("Permissions: no key sequence produces an effect the profile does not allow")
struct PermissionTests {
    typealias F = StateFixtures

    static func state(allowed: Set<Permission>, readOnly: Bool = false) -> AppState {
        var env = WatchedEnvironment(id: F.env)
        env.allowed = allowed
        var s = AppState(options: .init(environments: [env], readOnly: readOnly, refreshInterval: 2), size: Size(width: 120, height: 40), now: F.t0)
        F.answer(&s, s.apply(.tick(F.t0)), pages: [(1...4).map { F.item($0, heartbeatSecondsAgo: $0 == 1 ? 600 : 5) }])
        return s
    }

    /// Every key of every scope, in many orders, each followed by a confirmation attempt.
    static func everyKey() -> [Key] {
        var keys: [Key] = []
        for binding in KeyMap.bindings where binding.action != .quit { keys += binding.keys }
        // q quits in the list (and so would end the run); it closes dialogs, which Esc does too.
        return keys.filter { $0 != .character("q") }
    }

    static func drive(_ s: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        let keys = Self.everyKey()
        for (n, key) in keys.enumerated() {
            effects += s.apply(.key(key))
            // Try to confirm whatever is open, in every way a dialog confirms.
            effects += s.apply(.key(.character("y")))
            if n % 3 == 0 { effects += s.apply(.key(.character(" "))) }
            effects += s.apply(.key(.enter))
            for next in keys.dropFirst(n).prefix(3) { effects += s.apply(.key(next)) }
            effects += s.apply(.key(.character("y")))
            effects += s.apply(.tick(s.now.addingTimeInterval(0.3)))
            // A saved view can leave an empty list behind; now and then start from the whole list.
            if n % 4 == 0 { effects += s.apply(.key(.escape)) + s.apply(.key(.escape)) }
        }
        return effects
    }

    static func stops(_ effects: [Effect]) -> [StopMode] {
        effects.compactMap { if case .stop(_, _, let mode, _, _) = $0 { mode } else { nil } }
    }

    @Test("a stop-only profile: every key in every scope, and no force stop comes out")
    func stopOnly() {
        var s = Self.state(allowed: [.stop])
        let modes = Self.stops(Self.drive(&s))
        #expect(modes.contains(.graceful), "the keys do reach a stop: only the force stop is kept out")
        #expect(!modes.contains(.force))
        #expect(s.permits(.stop, in: F.env) && !s.permits(.forceStop, in: F.env))
    }

    @Test("read-only: no stop of any kind")
    func readOnly() {
        var s = Self.state(allowed: Set(Permission.allCases), readOnly: true)
        #expect(Self.stops(Self.drive(&s)).isEmpty)
    }

    @Test("nothing allowed: no stop; S says why; the key bar offers neither stop")
    func nothingAllowed() {
        var s = Self.state(allowed: [])
        _ = s.apply(.key(.character("S")))
        #expect(s.flash?.notice == .notAllowed(action: "force_stop", environment: s.tag(F.env)))
        #expect(Self.stops(Self.drive(&s)).isEmpty)
    }

    @Test("help marks what the profile does not allow, from the same decision as the key bar")
    func helpMarksForbidden() {
        var s = Self.state(allowed: [.stop])
        #expect(s.forbiddenActions == [.forceStop, .stopAttention, .editMetadata])
        _ = s.apply(.resize(Size(width: 120, height: 120)))
        _ = s.apply(.key(.character("?")))
        let lines = DashboardView.render(s).textLines
        let force = lines.first { $0.contains("force stop the selected item") }
        let stop = lines.first { $0.contains("stop the selected item (graceful)") }
        #expect(force?.contains("(not allowed here: allow:)") == true, "\(force ?? "")")
        #expect(stop?.contains("not allowed") == false)
    }
}
