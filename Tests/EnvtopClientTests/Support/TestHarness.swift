import EnvtopModels
import EnvtopSimulator
import Foundation
import Logging

@testable import EnvtopClient

/// Keys the quiet simulator accepts; long enough for the client's redaction to apply.
enum TestKeys {
    static let api = "sk-ant-api03-test-operator-key-0001"
    static let environment = "sk-ant-env-test-worker-key-0001"
    static let both = Credentials(apiKey: api, environmentKey: environment)
}

/// Fast retries for tests: 10 ms doubling to 50 ms, jitter pinned at none.
func testConfiguration(
    _ baseURL: String, retries: Int = 2, requestTimeout: Duration = .seconds(5), connectTimeout: Duration = .seconds(2)
) -> ClientConfiguration {
    ClientConfiguration(
        baseURL: baseURL, connectTimeout: connectTimeout, requestTimeout: requestTimeout,
        retry: RetryPolicy(maxRetries: retries, initialDelay: 0.01, maxDelay: 0.05))
}

func makeClient(_ configuration: ClientConfiguration, credentials: Credentials = TestKeys.both) -> HTTPWorkClient {
    HTTPWorkClient(configuration: configuration, credentials: credentials, logger: Logger(label: "test"), random: { 0 })
}

/// A simulator with no workers, arrivals or history, and configured keys: exact counts, real auth.
func withQuietSimulator<T>(
    faults: FaultSettings = FaultSettings(), environments: Int = 1,
    _ body: (SimulatorServer) async throws -> T
) async throws -> T {
    var configuration = SimulatorConfiguration()
    configuration.workersPerEnvironment = 0
    configuration.arrivalRatePerSecond = 0
    configuration.initialItemsPerEnvironment = 0
    configuration.environmentCount = environments
    configuration.apiKeys = [TestKeys.api]
    configuration.environmentKeys = [TestKeys.environment]
    configuration.troubleEnabled = false
    configuration.faults = faults
    return try await SimulatorServer.withRunning(configuration, body)
}

/// Runs `body` with a client, always shutting it down afterwards.
func withClient<T>(
    _ configuration: ClientConfiguration, credentials: Credentials = TestKeys.both,
    _ body: (HTTPWorkClient) async throws -> T
) async throws -> T {
    let client = makeClient(configuration, credentials: credentials)
    do {
        let result = try await body(client)
        await client.shutdown()
        return result
    } catch {
        await client.shutdown()
        throw error
    }
}

/// Runs `body` with a scripted server, always stopping it afterwards.
func withScriptedServer<T>(
    _ replies: [ScriptedServer.Reply], _ body: (ScriptedServer) async throws -> T
) async throws -> T {
    let server = try ScriptedServer(replies)
    do {
        let result = try await body(server)
        server.stop()
        return result
    } catch {
        server.stop()
        throw error
    }
}

/// The typed error of a call that must fail; records an issue when it succeeds.
func apiError<T>(_ call: () async throws(APIError) -> T) async -> APIError? {
    do {
        _ = try await call()
        return nil
    } catch {
        return error
    }
}

/// A work item as the API sends it, for scripted answers.
func workItemJSON(
    id: String = "work_1", state: String = "active", dataType: String = "session", secret: String? = nil
) -> String {
    let secretJSON = secret.map { "\"\($0)\"" } ?? "null"
    return """
        {"type":"work","id":"\(id)","environment_id":"env_1","state":"\(state)",\
        "data":{"type":"\(dataType)","id":"session_1"},"metadata":{"k":"v"},\
        "created_at":"2026-01-01T00:00:00.000Z","acknowledged_at":null,"started_at":null,\
        "latest_heartbeat_at":null,"stop_requested_at":null,"stopped_at":null,"secret":\(secretJSON)}
        """
}
