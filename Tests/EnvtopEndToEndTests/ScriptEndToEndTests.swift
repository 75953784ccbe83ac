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
        defer { Task { await fixture.server.shutdown() } }
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
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        listen(fd, 8)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        let port = Int(UInt16(bigEndian: address.sin_port))
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
