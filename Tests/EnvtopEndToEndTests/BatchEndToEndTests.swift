import EnvtopClient
import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

/// Marks and a batch force stop in the real binary against the simulator.
extension DashboardEndToEndTests {
    @Test("mark three items and force-stop them: exactly those three are stopped, with one stop request each")
    func markThreeAndForceStop() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.dispose() }
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
        let lines = auditLines(logFile: fixture.logFile)
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
        defer { fixture.dispose() }
        let tmux = Tmux()
        defer { tmux.kill() }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("envtop-osc52-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        try await launch(fixture, tmux: tmux, recording: output)
        let screen = try tmux.screen()
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

extension DashboardEndToEndTests {
    /// A config file beside the fixture's log, with `text`.
    func configFile(_ fixture: Fixture, _ text: String) -> String {
        let path = (fixture.logFile as NSString).deletingLastPathComponent + "/config.yaml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        return path
    }

    @Test("a batch over every row shown, one of them already stopped: that one is skipped, the others get one stop each")
    func batchSkipsTheStopped() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.dispose() }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await launch(fixture, tmux: tmux)
        let all = fixture.active + fixture.queued
        // Someone else force-stops one item first.
        let client = HTTPWorkClient(
            configuration: ClientConfiguration(baseURL: fixture.server.baseURL),
            credentials: Credentials(apiKey: fixture.configuration.apiKeys[0]))
        _ = try await client.stopWork(environmentID: fixture.environmentID, workID: fixture.active[0].id, mode: .force)
        await client.shutdown()
        try await tmux.waitFor("the stopped row on screen") { screen in
            screen.split(separator: "\n").contains { $0.contains(String(fixture.active[0].id.prefix(16))) && $0.contains("stopped") }
        }
        let before = await stopRequests(fixture.server)
        try tmux.type("*")
        try await tmux.waitFor(text: "6 marked")
        try tmux.type("S")
        let dialog = try await tmux.waitFor(text: "FORCE STOP: BATCH")
        #expect(dialog.contains("Force stop 5 items (6 marked)?"))
        #expect(dialog.contains("skipped"))
        try tmux.type("y")
        try await tmux.waitFor(text: "force-stopped 5 of 6 · 1 skipped", timeout: 15)
        #expect(await stopRequests(fixture.server) - before == 5)
        for item in all { #expect(await fixture.state(of: item) == .stopped) }
        try tmux.press("q")
        try await tmux.waitFor(text: "$ ")
    }

    @Test("Esc midway through a paced batch: what was not sent stays untouched")
    func escMidwayLeavesTheRest() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.dispose() }
        let tmux = Tmux()
        defer { tmux.kill() }
        let config = configFile(fixture, "batch_stops_per_second: 0.5\n")
        try await launch(fixture, tmux: tmux, extra: "--config '\(config)'")
        let all = fixture.active + fixture.queued
        try tmux.type("*")
        try await tmux.waitFor(text: "6 marked")
        try tmux.type("S")
        try await tmux.waitFor(text: "FORCE STOP: BATCH")
        try tmux.type("y")
        // One stop a 2 s: after the first, cancel.
        try await tmux.waitFor(text: "force-stopping 1/6", timeout: 10)
        try tmux.press("Escape")
        try await tmux.waitFor(text: "Cancelled batch", timeout: 10)
        try await Task.sleep(for: .seconds(2.5))  // past the next pace step: nothing more goes
        var stopped = 0
        for item in all where await fixture.state(of: item) == .stopped { stopped += 1 }
        #expect(stopped == 1)
        #expect(await stopRequests(fixture.server) == 1)
        try tmux.press("q")
        try await tmux.waitFor(text: "$ ")
    }
}
