import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

/// Two incidents in the real binary against a real simulator: a graceful stop no worker drains
/// is followed up once its drain deadline passes, and a profile that allows only `stop` cannot
/// force-stop anything, whatever keys lead there.
extension DashboardEndToEndTests {
    /// Waits until the simulator reports `state` for the item, and says what it last reported.
    @discardableResult
    func waitForState(
        _ server: SimulatorServer, _ item: WorkItem, _ state: WorkState, timeout: Double = 10
    ) async throws -> WorkState? {
        let deadline = Date().addingTimeInterval(timeout)
        var last: WorkState?
        while Date() < deadline {
            last = await server.workItem(environmentID: item.environmentID, id: item.id)?.state
            if last == state { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("\(item.id) is \(last.map(\.rawValue) ?? "missing"), expected \(state)")
        return last
    }

    /// The audit log's lines, in the state directory beside the fixture's log file.
    func auditLines(logFile: String) -> [Substring] {
        let path = (logFile as NSString).deletingLastPathComponent + "/state/envtop/audit.jsonl"
        return (try? String(contentsOfFile: path, encoding: .utf8))?.split(separator: "\n") ?? []
    }

    @Test("a graceful stop on an item with no live worker is followed up after the drain deadline")
    func undrainedStopFollowedUp() async throws {
        // A 4 s lease in envtop's config: a 2 s heartbeat interval, so the drain deadline is
        // 2 + 5 = 7 s (AttentionThresholds.drainGrace) rather than the default 35 s.
        let fixture = try await HealthFixture.make(config: "attention:\n  lease_ttl_seconds: 4\n")
        defer { fixture.dispose() }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await fixture.launch(tmux)
        // The simulator's item acknowledged and beaten once (active), then its worker gone for good.
        await fixture.trouble(.leaseLost)
        let deadline = Date().addingTimeInterval(10)
        var found: WorkItem?
        while found == nil, Date() < deadline {
            found = await fixture.server.items(environmentID: fixture.environmentID).first { $0.state == .active }
            if found == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        let item = try #require(found, "the lease_lost trouble made no active item")
        #expect(item.metadata["trouble"] == "lease_lost")
        // envtop sees the lost lease (4 s without a beat) before the stop is asked.
        try await tmux.waitFor("\(item.id) flagged with no heartbeat", timeout: 15) { screen in
            screen.split(separator: "\n").contains { $0.contains(String(item.id.prefix(16))) && $0.contains("no heartbeat") }
        }
        try await isolate(item, among: [item], tmux: tmux)

        try tmux.press("s")
        let dialog = try await tmux.waitFor(text: "Cancel")
        #expect(dialog.contains(item.id))
        #expect(dialog.contains("No live worker holds it"), "the dialog warns that no worker will drain it:\n\(dialog)")
        try tmux.press("y")
        let confirmed = Date()
        try await waitForState(fixture.server, item, .stopping)
        #expect(await stopRequests(fixture.server) == 1)
        let early = try tmux.screen()
        #expect(!early.contains("still stopping after"), "no follow-up before the deadline:\n\(early)")

        // The follow-up, after 7 s without a drain (a 1 s refresh and a capture of slack).
        let pattern = "\(item.id) still stopping after ([0-9]+)s: no live worker drains it; S forces it"
        let screen = try await tmux.waitFor("the follow-up of the undrained stop", timeout: 20) {
            $0.range(of: pattern, options: .regularExpression) != nil
        }
        let waited = Date().timeIntervalSince(confirmed)
        #expect(waited >= 6.5, "the follow-up came \(waited)s after the stop, before the 7 s drain deadline")
        let said = try #require(try Regex(pattern).firstMatch(in: screen)?.output[1].substring)
        #expect((Int(said) ?? 0) >= 7, "the notice says it waited \(said)s")
        // The follow-up only tells: the item is still stopping, and nothing more was sent.
        #expect(await fixture.server.workItem(environmentID: fixture.environmentID, id: item.id)?.state == .stopping)
        #expect(await stopRequests(fixture.server) == 1)

        // L: the stops asked this run, this one among them, still stopping and overdue.
        try tmux.press("L")
        let panel = try await tmux.waitFor(text: "Your stops this run (1)")
        // The panel's row, not the list's (the panel is drawn over the list and the detail pane).
        let row = try #require(
            panel.split(separator: "\n").first { $0.contains(item.id) && $0.contains("asked") }, "no row for \(item.id):\n\(panel)")
        #expect(row.contains(" stop ") && row.contains("stopping"), "\(panel)")
        #expect(row.contains("drain overdue"), "\(panel)")
        try tmux.press("Escape")
        try await tmux.waitFor("the panel closed") { !$0.contains("Your stops this run") }
        let audit = auditLines(logFile: fixture.logFile)
        #expect(audit.filter { $0.contains("\"action\":\"stop\"") && $0.contains(item.id) && $0.contains("\"result\":\"ok\"") }.count == 1,
                "audit log:\n\(audit.joined(separator: "\n"))")
        #expect(!audit.contains { $0.contains("force_stop") })
        try tmux.press("q")
        try await tmux.waitFor(text: "$ ")
    }
}

extension DashboardEndToEndTests {
    /// The refusal of a force stop by a profile's `allow:` list (NoticeWording, `.notAllowed`).
    static let forceNotAllowed = "force_stop is not allowed in ops: its profile's allow: list leaves it out"

    /// Replaces whatever notice is showing with "Refreshing", so the next refusal is a new one.
    func freshNotice(_ tmux: Tmux) async throws {
        try tmux.press("r")
        try await tmux.waitFor(text: "Refreshing")
    }

    /// A y typed right after the refusal is not a confirmation, and it does not hide the
    /// refusal (a key typed ahead never replaces a fresh warning): no dialog, the reason stays.
    func yKeepsRefusal(_ tmux: Tmux) async throws -> String {
        try await Task.sleep(for: .milliseconds(300))
        let screen = try tmux.screen()
        #expect(screen.contains(Self.forceNotAllowed), "\(screen)")
        #expect(noDialog(screen), "\(screen)")
        return screen
    }

    /// No stop dialog of either kind is open.
    func noDialog(_ screen: String) -> Bool {
        !screen.contains("FORCE STOP") && !screen.contains("Cancel")
    }

    @Test("a stop-only profile cannot force-stop by any key")
    func stopOnlyProfileNeverForces() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.dispose() }
        let tmux = Tmux()
        defer { tmux.kill() }
        // A 2 s lease: the three active items (their worker, the fixture, is gone) soon need
        // attention, so X has a batch to refuse. Keys come from the fixture's ANTHROPIC_* variables.
        let config = configFile(fixture, """
            attention:
              lease_ttl_seconds: 2
            profiles:
              ops:
                base_url: \(fixture.server.baseURL)
                environments: [\(fixture.environmentID)]
                allow: [stop]

            """)
        try await launch(fixture, tmux: tmux, extra: "--config '\(config)' --profile ops")
        let all = fixture.active + fixture.queued
        var screen = try await tmux.waitFor("the active items flagged", timeout: 15) { screen in
            fixture.active.allSatisfy { item in
                screen.split(separator: "\n").contains { $0.contains(String(item.id.prefix(16))) && $0.contains("no heartbeat") }
            }
        }
        #expect(screen.contains("3 need attention"), "X has items to refuse:\n\(screen)")
        // The key bar offers the graceful stop and not the force stop.
        let keyBar = try #require(screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        #expect(keyBar.contains(" s ") && !keyBar.contains("S force"), "key bar: \(keyBar)")
        // The stop hint for an item no worker holds does not point at the forbidden S.
        #expect(!keyBar.contains(": S"), "key bar: \(keyBar)")

        // S: refused with the reason, no dialog. Then y alone: not a key in the list.
        try await freshNotice(tmux)
        try tmux.press("S")
        screen = try await tmux.waitFor(text: Self.forceNotAllowed)
        #expect(noDialog(screen), "\(screen)")
        try tmux.press("y")
        screen = try await yKeepsRefusal(tmux)
        #expect(noDialog(screen), "\(screen)")

        // Enter focuses the detail pane; S from there is refused the same way; Tab goes back.
        try await freshNotice(tmux)
        try tmux.press("Enter")
        try tmux.press("S")
        screen = try await tmux.waitFor(text: Self.forceNotAllowed)
        #expect(noDialog(screen), "\(screen)")
        try tmux.press("y")
        try tmux.press("Tab")
        _ = try await yKeepsRefusal(tmux)

        // X: a force stop of every item needing attention; all of them forbidden, so no dialog.
        try await freshNotice(tmux)
        try tmux.press("X")
        screen = try await tmux.waitFor(text: Self.forceNotAllowed)
        #expect(noDialog(screen), "\(screen)")
        try tmux.press("y")
        _ = try await yKeepsRefusal(tmux)

        // Space marks the selected row, then S y: the marked batch is refused too.
        try await freshNotice(tmux)
        try tmux.press("Space")
        try tmux.press("S")
        screen = try await tmux.waitFor(text: Self.forceNotAllowed)
        #expect(noDialog(screen), "\(screen)")
        try tmux.press("y")
        _ = try await yKeepsRefusal(tmux)

        // * marks every row, then S y.
        try tmux.press("*")
        try await tmux.waitFor(text: "6 marked")
        try tmux.press("S")
        // Refused by the profile, and it says so (not "each is stopped, gone…").
        screen = try await tmux.waitFor(text: Self.forceNotAllowed)
        #expect(noDialog(screen), "\(screen)")
        try tmux.press("y")
        _ = try await yKeepsRefusal(tmux)
        try tmux.press("u")
        try await tmux.waitFor(text: "6 marks cleared")

        // A burst of every force key, typed at once, Enter among them.
        try await freshNotice(tmux)
        try tmux.type("SySyXyS")
        try tmux.press("Enter")
        try tmux.type("Sy")
        try tmux.press("Tab")
        _ = try await yKeepsRefusal(tmux)
        screen = try tmux.screen()
        #expect(noDialog(screen), "\(screen)")

        // Nothing reached the simulator; every item is as it was.
        try await Task.sleep(for: .seconds(1))
        #expect(await stopRequests(fixture.server) == 0)
        for item in fixture.active { #expect(await fixture.state(of: item) == .active, "\(item.id)") }
        for item in fixture.queued { #expect(await fixture.state(of: item) == .queued, "\(item.id)") }
        #expect(auditLines(logFile: fixture.logFile).isEmpty)

        // The graceful stop is allowed: one request, and the item is stopping (not stopped).
        let target = fixture.active[0]
        try await isolate(target, among: all, tmux: tmux)
        try tmux.press("s")
        screen = try await tmux.waitFor(text: "Cancel")
        #expect(screen.contains(target.id))
        try tmux.press("y")
        try await fixture.waitForState(target, .stopping)
        try await tmux.waitFor(text: "Stop requested: \(target.id) is stopping")
        #expect(await stopRequests(fixture.server) == 1)
        for item in all where item.id != target.id {
            let state = await fixture.state(of: item)
            #expect(state == .active || state == .queued, "\(item.id) untouched")
        }
        let audit = auditLines(logFile: fixture.logFile)
        #expect(audit.contains { $0.contains("\"action\":\"stop\"") && $0.contains(target.id) && $0.contains("\"result\":\"ok\"") })
        #expect(!audit.contains { $0.contains("force_stop") }, "audit log:\n\(audit.joined(separator: "\n"))")
        try tmux.press("q")
        try await tmux.waitFor(text: "$ ")
    }
}
