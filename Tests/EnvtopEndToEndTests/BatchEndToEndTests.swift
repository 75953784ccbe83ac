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
        // Three audit lines name them (an attempt and a result each), in the fixture's state directory.
        let auditPath = (fixture.logFile as NSString).deletingLastPathComponent + "/state/envtop/audit.jsonl"
        let lines = (try? String(contentsOfFile: auditPath, encoding: .utf8))?.split(separator: "\n") ?? []
        let results = lines.filter { $0.contains("\"result\":\"ok\"") }
        #expect(results.count == 3, "audit log:\n\(lines.joined(separator: "\n"))")
        for id in markedIDs {
            #expect(results.contains { $0.contains("\"work_id\":\"\(id)\"") && $0.contains("\"action\":\"force_stop\"") })
        }
        #expect(lines.filter { $0.contains("\"result\":\"attempt\"") }.count == 3)
        try tmux.press("q")
        try await tmux.waitFor(text: "$ ")
    }
}

extension DashboardEndToEndTests {
    @Test("c writes a well-formed OSC 52 sequence (wrapped for tmux) holding the selected id")
    func copyWritesOSC52() async throws {
        let fixture = try await Fixture.make()
        defer { Task { await fixture.server.shutdown() } }
        let tmux = Tmux()
        defer { tmux.kill() }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("envtop-osc52-\(UUID().uuidString)").path
        try tmux.start(width: 120, height: 40)
        try tmux.recordOutput(to: output)
        let binary = try #require(TestBinary.envtop)
        try tmux.type(". '\(fixture.envFile)'; '\(binary)' --environment \(fixture.environmentID) --refresh 0.5 --log-file '\(fixture.logFile)'")
        try tmux.press("Enter")
        let screen = try await tmux.waitFor("the dashboard", timeout: 20) { s in fixture.active.allSatisfy { s.contains(String($0.id.prefix(16))) } }
        let selected = try #require((fixture.active + fixture.queued).first { selectedLine(screen)?.contains(String($0.id.prefix(16))) == true })
        try tmux.type("c")
        try await tmux.waitFor(text: "Copied \(selected.id) to the clipboard")
        try await Task.sleep(for: .milliseconds(300))
        let bytes = String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self)
        let start = try #require(bytes.range(of: "\u{1b}Ptmux;\u{1b}\u{1b}]52;c;"), "no wrapped OSC 52 in the output")
        let rest = bytes[start.upperBound...]
        let end = try #require(rest.range(of: "\u{07}\u{1b}\\"))
        let decoded = Data(base64Encoded: String(rest[..<end.lowerBound])).map { String(decoding: $0, as: UTF8.self) }
        #expect(decoded == selected.id)
        try tmux.press("q")
        try await tmux.waitFor(text: "$ ")
    }
}
