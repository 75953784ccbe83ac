import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

/// Queue health against a real simulator playing its troubles: each rule and signature on the
/// screen of the real binary, the bell byte once per rule that starts failing, a burst on the
/// sparkline and in the arrivals figure.
extension DashboardEndToEndTests {
    /// A quiet simulator (no workers, no arrivals) and envtop's config with short thresholds.
    struct HealthFixture: SimulatorFixture {
        let server: SimulatorServer
        let environmentID: String
        let envFile: String
        let configFile: String
        let outputFile: String
        let logFile: String

        static func make(config extra: String, workers: Int = 0) async throws -> HealthFixture {
            let config = DashboardEndToEndTests.quietConfiguration(workers: workers)
            let server = try await SimulatorServer.start(config)
            let dir = try makeFolder()
            func file(_ name: String, _ text: String) -> String {
                let path = dir.appendingPathComponent(name).path
                _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
                return path
            }
            let envFile = file("env", """
                export ANTHROPIC_BASE_URL='\(server.baseURL)'
                export ANTHROPIC_ENVIRONMENT_KEY='\(config.environmentKeys[0])'
                export ANTHROPIC_API_KEY='\(config.apiKeys[0])'
                export LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_STATE_HOME='\(dir.path)/state'

                """)
            return HealthFixture(
                server: server, environmentID: server.environmentIDs[0], envFile: envFile,
                configFile: file("config.yaml", "refresh: 1\n" + extra), outputFile: dir.appendingPathComponent("tty.out").path,
                logFile: dir.appendingPathComponent("envtop.log").path)
        }

        func launch(_ tmux: Tmux) async throws {
            let binary = try #require(TestBinary.envtop, "the envtop executable is not built: run swift build")
            try tmux.start(width: 140, height: 45)
            try tmux.recordOutput(to: outputFile)
            try tmux.type(". '\(envFile)'; '\(binary)' --config '\(configFile)' --environment \(environmentID) --log-file '\(logFile)'")
            try tmux.press("Enter")
            try await tmux.waitFor(text: "runbook", timeout: 20)
        }

        /// BEL bytes envtop wrote to the terminal so far.
        func bells() -> Int {
            let bytes = FileManager.default.contents(atPath: outputFile) ?? Data()
            return bytes.reduce(0) { $0 + ($1 == 0x07 ? 1 : 0) }
        }

        func trouble(_ kind: TroubleKind, count: Int? = nil, seconds: Double? = nil) async {
            await server.startTrouble(TroubleRequest(kind: kind, environmentID: environmentID, count: count, seconds: seconds))
        }
    }

    @Test("a stalled claim: the rule fires after its threshold, once, with one bell; the polled item is under needs attention")
    func stalledClaimRule() async throws {
        let fixture = try await HealthFixture.make(config: "runbook:\n  stalled_claim_seconds: 3\n")
        defer { fixture.dispose() }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await fixture.launch(tmux)
        try await tmux.waitFor(text: "✓ runbook: no rule failing")
        #expect(fixture.bells() == 0)
        await fixture.trouble(.stalledClaim, seconds: 60)
        try await tmux.waitFor(text: "pending 1)")
        // Held 3 s (with the one-second refresh): the rule, its cause, and the item behind it.
        let screen = try await tmux.waitFor(text: "! stalled claim", timeout: 10)
        #expect(screen.contains("a worker stalled between claim and ack"))
        try await tmux.waitFor(text: "polled, no ack")
        try await Task.sleep(for: .seconds(2.5))  // more refreshes: still one transition, one bell
        #expect(fixture.bells() == 1)
        // The detail pane diagnoses the selected (only) item.
        try await tmux.waitFor(text: "STALLED CLAIM")
        try tmux.press("q")
        try await tmux.waitFor(text: "$ ")
    }

    @Test("handoff broken, failed claim and lease lost: each item's detail pane names its signature")
    func signatures() async throws {
        let fixture = try await HealthFixture.make(config: "attention:\n  lease_ttl_seconds: 4\n")
        defer { fixture.dispose() }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await fixture.launch(tmux)
        await fixture.trouble(.handoffBroken)
        await fixture.trouble(.failedClaim)
        await fixture.trouble(.leaseLost)
        // Handoff: stopped 5.5 s after it started; lease lost past 4 s without a beat.
        try await Task.sleep(for: .seconds(7))
        for (kind, title) in [("handoff_broken", "HANDOFF BROKEN"), ("failed_claim", "FAILED CLAIM"), ("lease_lost", "LEASE LOST")] {
            try tmux.press("Escape")
            try tmux.type("/\(kind)")
            try tmux.press("Enter")
            // The search isolates the item ("1 of 3"), and its pane names the signature.
            try await tmux.waitFor("\(title) in the detail pane of the \(kind) item alone", timeout: 10) {
                $0.contains(title) && $0.contains("1 of 3")
            }
        }
        // The lease-lost item: no graceful stop is advised, the key bar says so.
        let screen = try tmux.screen()
        #expect(screen.contains("No live worker holds it (lease lost"))
        try tmux.press("q")
        try await tmux.waitFor(text: "$ ")
    }

    @Test("no workers while work waits, and a growing backlog: each rule on the health line, a bell each")
    func noWorkersAndGrowingBacklog() async throws {
        let fixture = try await HealthFixture.make(config: "runbook:\n  backlog_growing_seconds: 10\n")
        defer { fixture.dispose() }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await fixture.launch(tmux)
        await fixture.trouble(.growingBacklog, seconds: 40)
        // An item no worker is handed: no worker polls here at all, so that rule fires first.
        try await tmux.waitFor(text: "! no workers", timeout: 10)
        try await tmux.waitFor("a queued row whose NOTES say it waits for a worker") { screen in
            screen.split(separator: "\n").contains { $0.contains("○ queued") && $0.contains("no worker") }
        }
        try await tmux.waitFor(text: "! backlog growing", timeout: 25)
        try await tmux.waitFor(text: "↑ +")  // the trend beside queued
        #expect(fixture.bells() == 2)
        try tmux.press("q")
        try await tmux.waitFor(text: "$ ")
    }

    @Test("a burst shows on the depth sparkline and in the arrivals figure; H charts the hour")
    func burst() async throws {
        let fixture = try await HealthFixture.make(config: "")
        defer { fixture.dispose() }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await fixture.launch(tmux)
        try await Task.sleep(for: .seconds(2))
        await fixture.trouble(.burst, count: 15)
        try await tmux.waitFor(text: "queued 15 (depth 15 + pending 0)")
        let screen = try await tmux.waitFor("arrivals counted", timeout: 15) { $0.range(of: #"arrivals [1-9][0-9.]*/min"#, options: .regularExpression) != nil }
        let trend = try #require(screen.split(separator: "\n").first { $0.contains("last 2m") })
        #expect(trend.contains("█"), "the depth sparkline peaks with the burst: \(trend)")
        try tmux.press("H")
        let chart = try await tmux.waitFor(text: "History: last")
        #expect(chart.contains("queued (depth + pending): 15 now, peak 15"))
        #expect(chart.contains("now"))
        try tmux.press("q")
        try await tmux.waitFor(text: "$ ")
    }
}

extension DashboardEndToEndTests {
    @Test("the no_workers trouble: healthy workers stop polling, and once workers_polling reaches 0 the rule fires with a bell")
    func noWorkersTrouble() async throws {
        let fixture = try await HealthFixture.make(config: "", workers: 1)
        defer { fixture.dispose() }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await fixture.launch(tmux)
        try await tmux.waitFor(text: "workers polling 1", timeout: 20)
        await fixture.trouble(.noWorkers, seconds: 90)
        // The simulated worker stops polling; the stats count pollers of the last 30 s.
        let screen = try await tmux.waitFor(text: "! no workers since", timeout: 45)
        #expect(screen.contains("workers polling 0"))
        #expect(screen.contains("check ANTHROPIC_ENVIRONMENT_KEY") || screen.contains("no worker has polled in the last 30s"))
        #expect(fixture.bells() == 1)
        try tmux.press("q")
        try await tmux.waitFor(text: "$ ")
    }
}
