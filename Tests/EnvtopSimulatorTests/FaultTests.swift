import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

@Suite("Fault injection over HTTP")
struct FaultTests {
    func worker(_ server: SimulatorServer) -> HTTPProbe {
        HTTPProbe(baseURL: server.baseURL, credential: TestServers.environmentKey)
    }

    @Test("a 429 fault answers rate_limit_error with retry-after and retry-after-ms")
    func rateLimited() async throws {
        var configuration = TestServers.quiet()
        configuration.faults.errorRates = [429: 1]
        configuration.faults.retryAfterSeconds = 2
        try await TestServers.with(configuration) { server async throws in
            let answer = try await worker(server).send("GET", "/v1/environments/\(server.environmentIDs[0])/work/stats")
            #expect(answer.status == 429)
            #expect(answer.envelope?.error.type == "rate_limit_error")
            #expect(answer.header("retry-after") == "2")
            #expect(answer.header("retry-after-ms") == "2000")
        }
    }

    @Test("POST /_sim/faults switches faults at run time: 529 overloaded, then healthy again")
    func runtimeFaults() async throws {
        try await TestServers.with(TestServers.quiet()) { server async throws in
            let admin = HTTPProbe(baseURL: server.baseURL, credential: nil, sendVersionHeaders: false)
            let path = "/v1/environments/\(server.environmentIDs[0])/work/stats"
            let set = try await admin.send("POST", "/_sim/faults", body: #"{"error_rates":{"529":1.0}}"#)
            #expect(set.status == 200)
            #expect(await server.faults().errorRates == [529: 1])
            let overloaded = try await worker(server).send("GET", path)
            #expect(overloaded.status == 529 && overloaded.envelope?.error.type == "overloaded_error")
            let refused = try await admin.send("POST", "/_sim/faults", body: #"{"drop_rate":3}"#)
            #expect(refused.status == 400)
            await server.setFaults(FaultSettings())
            #expect(try await worker(server).send("GET", path).status == 200)
        }
    }

    @Test("a malformed-body fault sends a 200 whose JSON does not parse")
    func malformed() async throws {
        var configuration = TestServers.quiet()
        configuration.faults.malformedRate = 1
        try await TestServers.with(configuration) { server async throws in
            let answer = try await worker(server).send("GET", "/v1/environments/\(server.environmentIDs[0])/work/stats")
            #expect(answer.status == 200)
            #expect((try? JSONSerialization.jsonObject(with: answer.body)) == nil)
        }
    }

    @Test("a dropped connection gives the client a transport error, not an HTTP answer")
    func dropped() async throws {
        var configuration = TestServers.quiet()
        configuration.faults.dropRate = 1
        try await TestServers.with(configuration) { server async throws -> Void in
            await #expect(throws: (any Error).self) {
                _ = try await worker(server).send("GET", "/v1/environments/\(server.environmentIDs[0])/work/stats")
            }
        }
    }

    @Test("latency delays answers; admin calls are never faulted")
    func latency() async throws {
        var configuration = TestServers.quiet()
        configuration.faults.latencyMilliseconds = 250
        configuration.faults.errorRates = [500: 1]
        configuration.faults.onlyPaths = ["/work/stats"]
        try await TestServers.with(configuration) { server async throws in
            let started = Date()
            let answer = try await worker(server).send("GET", "/v1/environments/\(server.environmentIDs[0])/work/stats")
            #expect(answer.status == 500 && answer.envelope?.error.type == "api_error")
            #expect(Date().timeIntervalSince(started) >= 0.24)
            let list = try await worker(server).send("GET", "/v1/environments/\(server.environmentIDs[0])/work")
            #expect(list.status == 200)
            let admin = HTTPProbe(baseURL: server.baseURL, credential: nil, sendVersionHeaders: false)
            #expect(try await admin.send("GET", "/_sim/faults").status == 200)
        }
    }
}
