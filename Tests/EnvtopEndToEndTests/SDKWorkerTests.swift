import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

/// Wire fidelity: the official Python SDK's own worker loop (poll, ack, heartbeat, stop,
/// auto-stop, drain) runs against the simulator exactly as against the real API.
@Suite("Official SDK worker against the simulator")
struct SDKWorkerTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = repositoryRoot.appendingPathComponent("scripts/sdk_worker_check.py")
    static let installHint = "the anthropic Python SDK is not importable: pip install anthropic==2.10.0"
    static let isCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false
    static let sdkInstalled: Bool = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import anthropic"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }()

    @Test(
        "the SDK drains a quiet environment and every item ends stopped",
        .enabled(if: sdkInstalled || isCI, Comment(rawValue: installHint)),
        .timeLimit(.minutes(2)))
    func sdkDrainsQueue() async throws {
        try #require(Self.sdkInstalled, Comment(rawValue: Self.installHint))
        var configuration = SimulatorConfiguration()
        configuration.workersPerEnvironment = 0
        configuration.arrivalRatePerSecond = 0
        configuration.initialItemsPerEnvironment = 0
        // The SDK then beats every 2 s and assumes the lease lost after 4 s without a successful
        // beat: 2 s of slack for a loaded CI machine (with 2 s it once lost a lease there).
        configuration.leaseTTLSeconds = 4
        configuration.apiKeys = ["sdk-check-api-key"]
        configuration.environmentKeys = ["sdk-check-environment-key"]
        try await SimulatorServer.withRunning(configuration) { server in try await check(server) }
    }

    func check(_ server: SimulatorServer) async throws {
        let environmentID = server.environmentIDs[0]
        let enqueued = try await server.enqueue(environmentID: environmentID, count: 6, metadata: ["from": "sdk-test"])

        let result = try await Self.run(
            ["python3", Self.script.path, server.baseURL, environmentID, "--expect", "6", "--timeout", "80"],
            environment: [
                "ANTHROPIC_ENVIRONMENT_KEY": "sdk-check-environment-key",
                "ANTHROPIC_API_KEY": "sdk-check-api-key",
            ],
            timeout: 90)
        try #require(result.status == 0, "sdk_worker_check.py failed:\n\(result.output)")

        // What the operator would see afterwards.
        let stats = try await server.stats(environmentID: environmentID)
        #expect(stats.depth == 0 && stats.pending == 0)
        for item in enqueued {
            let now = try #require(await server.workItem(environmentID: environmentID, id: item.id))
            #expect(now.state == .stopped, "\(item.id) is \(now.state)")
            #expect(now.acknowledgedAt != nil && now.startedAt != nil && now.latestHeartbeatAt != nil)
            #expect(now.stopRequestedAt != nil && now.stoppedAt != nil)
        }
        // The SDK really used each call of the worker loop and the operator calls.
        let counts = await server.requestCounts()
        for route in [SimulatorRoute.poll, .ack, .heartbeat, .stop, .listWork, .stats, .getWork, .updateWork] {
            #expect((counts[route.rawValue] ?? 0) > 0, "the SDK never called \(route.rawValue)")
        }
        #expect(counts[SimulatorRoute.ack.rawValue] == 6)
    }

    /// Runs a command with a clean `ANTHROPIC_*` environment plus `environment`, bounded in time.
    static func run(
        _ arguments: [String], environment: [String: String], timeout: TimeInterval
    ) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        var inherited = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ANTHROPIC_") }
        inherited.merge(environment) { $1 }
        process.environment = inherited
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("sdk-check-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try handle.close()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return (process.terminationStatus, output)
    }
}
