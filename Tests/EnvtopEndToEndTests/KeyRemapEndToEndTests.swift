import EnvtopClient
import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

/// `keys:` in a real config file, read by the real binary: the remapped key acts, the old one
/// does not, and the key bar and help name the new one.
extension DashboardEndToEndTests {
    @Test("keys: force_stop: K — K force-stops the selected item (one stop request), S is not a key, the key bar says K")
    func remappedForceStop() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.dispose() }
        let config = configFile(fixture, """
            keys:
              force_stop: K
              help: ["%", "?"]
            """)
        let tmux = Tmux()
        defer { tmux.kill() }
        try await launch(fixture, tmux: tmux, extra: "--config '\(config)'")
        let target = fixture.active[0]
        try await isolate(target, among: fixture.active + fixture.queued, tmux: tmux)
        // The key bar, once the search is kept (Enter), names K for the force stop.
        var screen = try await tmux.waitFor("the key bar naming K") { screen in
            let bar = screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
            return bar.contains("K ") && !bar.contains("S force")
        }
        try tmux.press("S")
        screen = try await tmux.waitFor(text: "S is not a key here; % lists them")
        #expect(await stopRequests(fixture.server) == 0)
        try tmux.press("K")
        try await tmux.waitFor(text: "FORCE STOP")
        try tmux.press("y")
        try await fixture.waitForState(target, .stopped)
        #expect(await stopRequests(fixture.server) == 1)
        try tmux.type("%")
        screen = try await tmux.waitFor(text: "Help: every key")
        #expect(screen.split(separator: "\n").contains { $0.contains(" K ") && $0.contains("force stop the selected item") }, "\(screen)")
        try tmux.press("Escape")
        try tmux.press("q")
        try await tmux.waitFor(text: "$ ")
    }

    @Test("keys: a conflict stops envtop at start with the file and line, and the terminal is left as it was")
    func remapConflictAtStart() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.dispose() }
        let config = configFile(fixture, """
            refresh: 1
            keys:
              sort: f
            """)
        let tmux = Tmux()
        defer { tmux.kill() }
        let binary = try #require(TestBinary.envtop, "the envtop executable is not built: run swift build")
        try tmux.start(width: 160, height: 20)
        try tmux.type(". '\(fixture.envFile)'; '\(binary)' --environment \(fixture.environmentID) --config '\(config)'")
        try tmux.press("Enter")
        let screen = try await tmux.waitFor(text: "config.yaml:3: keys: f is bound to both filter (work list) and sort (work list); rebind one of them")
        #expect(screen.contains("$ "))
    }
}
