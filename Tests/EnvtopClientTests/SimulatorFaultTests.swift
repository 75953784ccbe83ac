import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

@testable import EnvtopClient

@Suite("Retries, timeouts, malformed bodies and dropped connections, injected by the simulator")
struct SimulatorFaultTests {
    private func faults(_ configure: (inout FaultSettings) -> Void) -> FaultSettings {
        var faults = FaultSettings()
        faults.onlyPaths = ["/work/stats"]
        configure(&faults)
        return faults
    }

    @Test("a 503 with retry-after-ms is waited out and retried; the call then succeeds")
    func retryAfterThenSuccess() async throws {
        let unavailable = faults {
            $0.errorRates = [503: 1]
            $0.retryAfterSeconds = 2  // long enough to heal the server within it on a loaded machine
        }
        try await withQuietSimulator(faults: unavailable) { sim in
            let env = sim.environmentIDs[0]
            try await withClient(testConfiguration(sim.baseURL)) { client in
                let started = ContinuousClock.now
                let call = Task { () async throws(APIError) -> QueueStats in try await client.stats(environmentID: env) }
                // Once the first attempt has been refused, heal the server during the 2 s wait.
                let deadline = ContinuousClock.now + .seconds(10)
                while (await sim.requestCounts()[SimulatorRoute.stats.rawValue] ?? 0) < 1, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(5))
                }
                await sim.setFaults(FaultSettings())
                let stats = try await call.value
                let elapsed = ContinuousClock.now - started
                #expect(stats.depth == 0)
                // Refused at least once, then answered: at most 1 + maxRetries attempts. (Exactly
                // 2 on an idle machine; a starved test task may heal the server one attempt late.)
                let attempts = await sim.requestCounts()[SimulatorRoute.stats.rawValue] ?? 0
                #expect((2...3).contains(attempts))
                #expect(elapsed >= .seconds(2))
                #expect(elapsed < .seconds(12))
            }
        }
    }

    @Test("a 429 that never clears is tried 1 + maxRetries times, then reported with its type")
    func rateLimitedGivesUp() async throws {
        try await withQuietSimulator(faults: faults { $0.errorRates = [429: 1]; $0.retryAfterSeconds = 0.05 }) { sim in
            try await withClient(testConfiguration(sim.baseURL, retries: 2)) { client in
                let started = ContinuousClock.now
                let error = await apiError { () async throws(APIError) in
                    try await client.stats(environmentID: sim.environmentIDs[0])
                }
                guard case .http(429, "rate_limit_error", _, let requestID, _, _) = error else {
                    Issue.record("expected a 429, got \(String(describing: error))")
                    return
                }
                #expect(requestID != nil)
                #expect((await sim.requestCounts()[SimulatorRoute.stats.rawValue]) == 3)
                #expect(ContinuousClock.now - started >= .milliseconds(100))
            }
        }
    }

    @Test("maxRetries 0 makes exactly one attempt")
    func noRetries() async throws {
        try await withQuietSimulator(faults: faults { $0.errorRates = [500: 1] }) { sim in
            try await withClient(testConfiguration(sim.baseURL, retries: 0)) { client in
                let error = await apiError { () async throws(APIError) in
                    try await client.stats(environmentID: sim.environmentIDs[0])
                }
                #expect(error?.status == 500)
                #expect((await sim.requestCounts()[SimulatorRoute.stats.rawValue]) == 1)
            }
        }
    }

    @Test("a truncated body is a decoding error naming the endpoint, and is not retried")
    func malformed() async throws {
        try await withQuietSimulator(faults: faults { $0.malformedRate = 1 }) { sim in
            let env = sim.environmentIDs[0]
            try await withClient(testConfiguration(sim.baseURL)) { client in
                let error = await apiError { () async throws(APIError) in try await client.stats(environmentID: env) }
                #expect(error == .decoding(endpoint: "GET /v1/environments/\(env)/work/stats", field: "(body)", message: "is not valid JSON"))
                #expect((await sim.requestCounts()[SimulatorRoute.stats.rawValue]) == 1)
            }
        }
    }

    @Test("a dropped connection is a transport error after the retries")
    func dropped() async throws {
        try await withQuietSimulator(faults: faults { $0.dropRate = 1 }) { sim in
            try await withClient(testConfiguration(sim.baseURL, retries: 1)) { client in
                let error = await apiError { () async throws(APIError) in
                    try await client.stats(environmentID: sim.environmentIDs[0])
                }
                guard case .transport = error else {
                    Issue.record("expected a transport error, got \(String(describing: error))")
                    return
                }
                #expect((await sim.requestCounts()[SimulatorRoute.stats.rawValue]) == 2)
            }
        }
    }

    @Test("an answer slower than the request timeout is a timeout, reported at the timeout")
    func slowAnswerTimesOut() async throws {
        try await withQuietSimulator(faults: faults { $0.latencyMilliseconds = 6000 }) { sim in
            let configuration = testConfiguration(sim.baseURL, retries: 0, requestTimeout: .milliseconds(200))
            try await withClient(configuration) { client in
                let started = ContinuousClock.now
                let error = await apiError { () async throws(APIError) in
                    try await client.stats(environmentID: sim.environmentIDs[0])
                }
                let elapsed = ContinuousClock.now - started
                #expect(error == .timedOut("no complete answer from \(sim.baseURL) within 200 ms"))
                #expect(elapsed >= .milliseconds(200))
                #expect(elapsed < .seconds(5))  // well before the 6 s answer
            }
        }
    }

    @Test("nothing listening is a transport error naming the address")
    func refused() async throws {
        // Bind then close a scripted server to get a port nobody listens on.
        let server = try ScriptedServer(.json("{}"))
        let base = server.baseURL
        server.stop()
        // AsyncHTTPClient retries a refused connect with backoff until the connect timeout, then
        // reports the refusal: a short connect timeout keeps this test quick.
        try await withClient(testConfiguration(base, retries: 0, connectTimeout: .milliseconds(300))) { client in
            let started = ContinuousClock.now
            let error = await apiError { () async throws(APIError) in try await client.stats(environmentID: "env_1") }
            #expect(ContinuousClock.now - started < .seconds(8))  // the default connect timeout retries ~16 s
            guard case .transport(let why) = error else {
                Issue.record("expected a transport error, got \(String(describing: error))")
                return
            }
            #expect(why.contains("127.0.0.1"))
            #expect(why.contains("refused"))
        }
    }

    @Test("cancelling the caller's task ends a slow call at once with .cancelled")
    func cancellation() async throws {
        try await withQuietSimulator(faults: faults { $0.latencyMilliseconds = 9000 }) { sim in
            try await withClient(testConfiguration(sim.baseURL)) { client in
                let started = ContinuousClock.now
                let call = Task { () async throws(APIError) -> QueueStats in
                    try await client.stats(environmentID: sim.environmentIDs[0])
                }
                try await Task.sleep(for: .milliseconds(100))
                call.cancel()
                let result = await call.result
                #expect(throws: APIError.cancelled) { try result.get() }
                #expect(ContinuousClock.now - started < .seconds(6))  // well before the 9 s answer
            }
        }
    }
}
