import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

/// Marks and a batch force stop in the real binary against the simulator.
extension DashboardEndToEndTests {
    @Test("mark three items and force-stop them: exactly those three are stopped, with one stop request each")
    func markThreeAndForceStop() async throws {
        let fixture = try await Fixture.make()
        defer { Task { await fixture.server.shutdown() } }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await launch(fixture, tmux: tmux)
        let all = fixture.active + fixture.queued
        try tmux.type("g   ")  // the first row, then Space three times: three rows marked
        let screen = try await tmux.waitFor(text: "3 marked")
        let markedIDs = all.filter { item in
            screen.split(separator: "\n").contains { $0.hasPrefix("•") && $0.contains(String(item.id.prefix(16))) }
        }.map(\.id)
        #expect(markedIDs.count == 3, "three rows carry the batch mark:\n\(screen)")
        try tmux.type("S")
        let dialog = try await tmux.waitFor(text: "FORCE STOP: BATCH")
        #expect(dialog.contains("Force stop 3 items (3 marked)?"))
        try tmux.type("y")
        try await tmux.waitFor(text: "force-stopped 3 of 3", timeout: 15)
        for item in all {
            let state = await fixture.state(of: item)
            #expect((state == .stopped) == markedIDs.contains(item.id), "\(item.id) is \(state.map(\.rawValue) ?? "?")")
        }
        #expect(await stopRequests(fixture.server) == 3)
        try tmux.press("q")
        try await tmux.waitFor(text: "$ ")
    }
}
