import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `--once -o`, `envtop list` and `envtop stats` from a script's side: the real binary against
/// the simulator, data on stdout, diagnostics on stderr, and the documented exit codes.
extension ThemeAndConfigEndToEndTests {
    /// The variables a script would export for the fixture's simulator.
    static func variables(_ fixture: DashboardEndToEndTests.Fixture) -> [String: String] {
        [
            "ANTHROPIC_BASE_URL": fixture.server.baseURL,
            "ANTHROPIC_ENVIRONMENT_KEY": fixture.configuration.environmentKeys[0],
            "ANTHROPIC_API_KEY": fixture.configuration.apiKeys[0],
        ]
    }

    @Test("list -o json: every item the simulator holds, with envtop's fields; --filter narrows; stats -o json counts them")
    func listAndStats() async throws {
        let fixture = try await DashboardEndToEndTests.Fixture.make()
        defer { fixture.dispose() }
        let home = try Home()
        defer { home.remove() }
        let env = Self.variables(fixture)
        let all = try run(["list", "-e", fixture.environmentID, "-o", "json"], home: home, environment: env)
        #expect(all.status == 0, "\(all.error)")
        let items = try JSONDecoder().decode([WorkItem].self, from: Data(all.output.utf8))
        #expect(Set(items.map(\.id)) == Set((fixture.active + fixture.queued).map(\.id)))
        let active = try run(["list", "-e", fixture.environmentID, "-o", "jsonl", "--filter", "state:active"], home: home, environment: env)
        let lines = active.output.split(separator: "\n")
        #expect(Set(try lines.map { try JSONDecoder().decode(WorkItem.self, from: Data($0.utf8)).id }) == Set(fixture.active.map(\.id)))
        let stats = try run(["stats", "-e", fixture.environmentID, "-o", "json"], home: home, environment: env)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(stats.output.utf8)) as? [[String: Any]])
        let simulated = try await fixture.server.stats(environmentID: fixture.environmentID)
        #expect(records.first?["depth"] as? Int == simulated.depth)
        #expect(records.first?["items"] as? Int == 6)
        #expect((records.first?["by_state"] as? [String: Int])?["active"] == 3)
        let csv = try run(["list", "-e", fixture.environmentID, "-o", "csv"], home: home, environment: env)
        #expect(csv.output.hasPrefix("environment,label,id,state,"))
        #expect(csv.output.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 7)
    }

    @Test("a refused connection fails at once with the reason and exit 1; an API that never answers fails within --timeout")
    func failsFast() throws {
        let home = try Home()
        defer { home.remove() }
        let refusedEnv = ["ANTHROPIC_BASE_URL": "http://127.0.0.1:1", "ANTHROPIC_ENVIRONMENT_KEY": "k", "ANTHROPIC_API_KEY": "a"]
        var started = Date()
        let refused = try run(["--once", "-e", "env_refused"], home: home, environment: refusedEnv)
        #expect(refused.status == 1)
        #expect(refused.error.contains("connection refused"), "\(refused.error)")
        #expect(Date().timeIntervalSince(started) < 5)

        // A socket that listens and never answers: the connection is made, no reply ever comes.
        let (fd, port) = LoopbackSocket.open(listening: true)
        defer { close(fd) }
        var silentEnv = refusedEnv
        silentEnv["ANTHROPIC_BASE_URL"] = "http://127.0.0.1:\(port)"
        started = Date()
        let silent = try run(["stats", "-e", "env_silent", "--timeout", "1.5"], home: home, environment: silentEnv)
        let took = Date().timeIntervalSince(started)
        #expect(silent.status == 1)
        #expect(silent.error.contains("did not answer within 1.5s"), "\(silent.error)")
        #expect(took < 4, "took \(took)s")
    }

    @Test("exit 2 for a query that does not read; exit 3 when a runbook rule fails (the demo's backlog), with the data printed")
    func exitCodes() throws {
        let home = try Home()
        defer { home.remove() }
        let bad = try run(["list", "--demo", "--filter", "hb>soon"], home: home)
        #expect(bad.status == 2)
        #expect(bad.error == "envtop: --filter: column 4: 'soon' is not a duration (e.g. 90s, 10m, 2h, 1h30m)\n")
        #expect(bad.output.isEmpty)
        let health = try run(["stats", "--demo"], home: home)
        #expect(health.status == 3)
        #expect(health.error.contains("runbook rule failing: backlog age"))
        #expect(health.output.contains("FAILING backlog_age"))
    }
}

/// `envtop stop` against the simulator: a dry run sends nothing, a script must say --yes, a
/// production force stop needs its label and a reason, every stop is audited, and one refused
/// stop makes the exit code 1 while the others go through.
extension ThemeAndConfigEndToEndTests {
    static let stopRoute = SimulatorRoute.stop.rawValue

    @Test("stop: --dry-run sends nothing; no --yes without a terminal; --yes stops each once; a refused stop exits 1 with its line")
    func stopCommand() async throws {
        let fixture = try await DashboardEndToEndTests.Fixture.make()
        defer { fixture.dispose() }
        let home = try Home()
        defer { home.remove() }
        let env = Self.variables(fixture)
        let targets = Array(fixture.active.prefix(2)).map(\.id)
        let args = ["stop", "-e", fixture.environmentID] + targets

        let dry = try run(args + ["--dry-run"], home: home, environment: env)
        #expect(dry.status == 0, "\(dry.error)")
        #expect(dry.output.split(separator: "\n").filter { $0.hasPrefix("would_stop") }.count == 2)
        let noYes = try run(args, home: home, environment: env)
        #expect(noYes.status == 2)
        #expect(noYes.error.contains("without --yes"))
        #expect(await fixture.server.requestCounts()[Self.stopRoute] == nil, "nothing sent yet")

        // One of the two is refused by the API (403 on its stop); the other goes through.
        var faults = FaultSettings()
        faults.errorRates = [403: 1]
        faults.onlyPaths = ["/work/\(targets[1])/stop"]
        await fixture.server.setFaults(faults)
        let done = try run(args + ["--yes", "--reason", "e2e: stuck", "-o", "jsonl"], home: home, environment: env)
        #expect(done.status == 1)
        #expect(done.error.contains("1 of 2 stop(s) failed"))
        let lines = try done.output.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.first { $0?["id"] as? String == targets[0] }??["result"] as? String == "stopped")
        #expect(lines.first { $0?["id"] as? String == targets[1] }??["result"] as? String == "failed")
        #expect(await fixture.server.requestCounts()[Self.stopRoute] == 2)
        #expect(await fixture.server.workItem(environmentID: fixture.environmentID, id: targets[0])?.state == .stopping)
        #expect(await fixture.server.workItem(environmentID: fixture.environmentID, id: targets[1])?.state == .active)
        let audit = (try? String(contentsOf: home.root.appendingPathComponent("state/envtop/audit.jsonl"), encoding: .utf8)) ?? ""
        let records = audit.split(separator: "\n")
        #expect(records.count == 4, "an attempt and a result each:\n\(audit)")
        #expect(records.allSatisfy { $0.contains("\"reason\":\"e2e: stuck\"") && $0.contains("\"action\":\"stop\"") })
        #expect(records.contains { $0.contains(targets[1]) && $0.contains("\"result\":\"refused\"") })
    }

    @Test("stop --force in a production profile: refused without --confirm-environment and a reason; sent with both")
    func stopProduction() async throws {
        let fixture = try await DashboardEndToEndTests.Fixture.make()
        defer { fixture.dispose() }
        let home = try Home()
        defer { home.remove() }
        try home.write("""
            profiles:
              live:
                base_url: \(fixture.server.baseURL)
                production: true
                environments: [\(fixture.environmentID)]
            """, to: home.configFile)
        let env = Self.variables(fixture)
        let target = fixture.active[0].id
        let bare = try run(["stop", "--force", "--yes", target], home: home, environment: env)
        #expect(bare.status == 2)
        #expect(bare.error.contains("needs --reason"))
        let noLabel = try run(["stop", "--force", "--yes", "--reason", "INC-1", target], home: home, environment: env)
        #expect(noLabel.status == 2)
        #expect(noLabel.error.contains("needs --confirm-environment live"))
        #expect(await fixture.server.requestCounts()[Self.stopRoute] == nil)
        let ok = try run(["stop", "--force", "--yes", "--reason", "INC-1", "--confirm-environment", "live", target], home: home, environment: env)
        #expect(ok.status == 0, "\(ok.error)")
        #expect(ok.output.hasPrefix("stopped  live  \(target)  (stopped)"))
        #expect(await fixture.server.workItem(environmentID: fixture.environmentID, id: target)?.state == .stopped)
    }
}

extension ThemeAndConfigEndToEndTests {
    @Test("--api-key-stdin: the keys come on stdin, named or bare, never in an argument or variable")
    func keysOnStdin() async throws {
        let fixture = try await DashboardEndToEndTests.Fixture.make()
        defer { fixture.dispose() }
        let binary = try #require(TestBinary.envtop)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["stats", "-e", fixture.environmentID, "-o", "json", "--api-key-stdin"]
        var environment = ProcessInfo.processInfo.environment
        for name in ["ANTHROPIC_API_KEY", "ANTHROPIC_ENVIRONMENT_KEY", "ANTHROPIC_AUTH_TOKEN"] { environment.removeValue(forKey: name) }
        environment["ANTHROPIC_BASE_URL"] = fixture.server.baseURL
        environment["XDG_CONFIG_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("envtop-stdin-\(UUID().uuidString)").path
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let keys = "\(fixture.configuration.apiKeys[0])\nANTHROPIC_ENVIRONMENT_KEY=\(fixture.configuration.environmentKeys[0])\n"
        input.fileHandleForWriting.write(Data(keys.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let error = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(error)")
        let records = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(records.first?["items"] as? Int == 6)
        #expect(!error.contains(fixture.configuration.apiKeys[0]) && !error.contains(fixture.configuration.environmentKeys[0]))
    }
}
