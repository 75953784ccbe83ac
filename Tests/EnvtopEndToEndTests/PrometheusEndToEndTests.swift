import AsyncHTTPClient
import EnvtopSimulator
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The exporter with a real Prometheus (Debian's `prometheus` package, which `.ci/run`
/// installs): the shipped alert rules pass `promtool check` and `promtool test`, and Prometheus
/// scraping `envtop exporter` against the simulator answers a query with the queue's depth.
@Suite(
    "Prometheus: the exporter scraped, the alert rules tested", .serialized,
    .enabled(
        if: Tmux.which("promtool") != nil || TestBinary.isCI,
        "needs Prometheus: apt-get install prometheus (.ci/run does)"))
struct PrometheusEndToEndTests {
    static let contrib = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("contrib/prometheus")

    /// Runs an installed tool to its end: its status and everything it printed.
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try TestProcess.run(try #require(Tmux.which(tool), "\(tool) is not installed"), arguments)
    }

    @Test("promtool check rules and promtool test rules pass on contrib/prometheus")
    func rulesPass() throws {
        let check = try Self.run("promtool", ["check", "rules", Self.contrib.appendingPathComponent("alerts.yaml").path])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("SUCCESS: 7 rules found"))
        let test = try Self.run("promtool", ["test", "rules", Self.contrib.appendingPathComponent("alerts_test.yaml").path])
        #expect(test.status == 0, "\(test.output)")
        let config = try Self.run("promtool", ["check", "config", Self.contrib.appendingPathComponent("prometheus.yml").path])
        #expect(config.status == 0, "\(config.output)")
    }

    @Test("a real Prometheus scrapes envtop exporter: its HTTP API answers envtop_queue_depth with the simulator's depth; SIGTERM ends the exporter with 0")
    func realPrometheus() async throws {
        let fixture = try await DashboardEndToEndTests.Fixture.make()
        defer { fixture.dispose() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("envtop-prom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        // The exporter, on a port of its choosing, told through its stderr line.
        let exporter = Process()
        exporter.executableURL = URL(fileURLWithPath: try #require(TestBinary.envtop))
        let exporterPort = LoopbackSocket.freePort()
        exporter.arguments = [
            "exporter", "-e", fixture.environmentID, "--listen", "127.0.0.1:\(exporterPort)", "--refresh", "0.5",
            "--log-file", dir.appendingPathComponent("envtop.log").path,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["ANTHROPIC_BASE_URL"] = fixture.server.baseURL
        environment["ANTHROPIC_ENVIRONMENT_KEY"] = fixture.configuration.environmentKeys[0]
        environment["ANTHROPIC_API_KEY"] = fixture.configuration.apiKeys[0]
        environment["XDG_CONFIG_HOME"] = dir.path
        exporter.environment = environment
        let exporterOutput = Pipe()
        exporter.standardError = exporterOutput
        exporter.standardOutput = exporterOutput
        try exporter.run()
        defer { if exporter.isRunning { exporter.terminate() } }

        let prometheusPort = LoopbackSocket.freePort()
        let config = """
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: envtop
                static_configs:
                  - targets: ["127.0.0.1:\(exporterPort)"]
            """
        try config.write(to: dir.appendingPathComponent("prometheus.yml"), atomically: true, encoding: .utf8)
        let prometheus = Process()
        prometheus.executableURL = URL(fileURLWithPath: try #require(Tmux.which("prometheus")))
        prometheus.arguments = [
            "--config.file=\(dir.appendingPathComponent("prometheus.yml").path)",
            "--storage.tsdb.path=\(dir.appendingPathComponent("data").path)",
            "--web.listen-address=127.0.0.1:\(prometheusPort)",
        ]
        prometheus.standardOutput = FileHandle.nullDevice
        prometheus.standardError = FileHandle.nullDevice
        try prometheus.run()
        defer { if prometheus.isRunning { prometheus.terminate() } }

        let depth = try await fixture.server.stats(environmentID: fixture.environmentID).depth
        let url = "http://127.0.0.1:\(prometheusPort)/api/v1/query?query=envtop_queue_depth"
        let deadline = Date().addingTimeInterval(60)
        var last = ""
        var found: String?
        while Date() < deadline, found == nil {
            try await Task.sleep(for: .milliseconds(500))
            guard let response = try? await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(2)),
                let body = try? await response.body.collect(upTo: 1 << 20)
            else { continue }
            last = String(buffer: body)
            guard let json = try? JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any],
                let data = json["data"] as? [String: Any], let result = data["result"] as? [[String: Any]],
                let series = result.first(where: { ($0["metric"] as? [String: String])?["environment"] == fixture.environmentID }),
                let value = series["value"] as? [Any], value.count == 2
            else { continue }
            found = value[1] as? String
        }
        #expect(found.flatMap(Double.init) == Double(depth), "Prometheus answered: \(last)")

        exporter.interrupt()  // SIGINT; and SIGTERM is the same graceful path
        kill(exporter.processIdentifier, SIGTERM)
        exporter.waitUntilExit()
        #expect(exporter.terminationStatus == 0)
    }
}
