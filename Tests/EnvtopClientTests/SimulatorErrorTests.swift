import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

@testable import EnvtopClient

@Suite("Errors from the simulator: 401, 403, 404, 412 and missing credentials")
struct SimulatorErrorTests {
    @Test("an unknown key is a 401 that says what was sent and what the call takes, not the key")
    func unauthorized() async throws {
        try await withQuietSimulator { sim in
            let wrong = "sk-ant-env-not-a-key-this-simulator-knows"
            try await withClient(testConfiguration(sim.baseURL), credentials: Credentials(environmentKey: wrong)) { client in
                let error = await apiError { () async throws(APIError) in
                    try await client.listWork(environmentID: sim.environmentIDs[0], limit: nil, page: nil)
                }
                guard case .http(401, let type, let message, let requestID, _, _) = error else {
                    Issue.record("expected a 401, got \(String(describing: error))")
                    return
                }
                #expect(type == "authentication_error")
                #expect(message.contains("sent ANTHROPIC_ENVIRONMENT_KEY as authorization"))
                #expect(message.contains("list work takes ANTHROPIC_ENVIRONMENT_KEY or ANTHROPIC_AUTH_TOKEN"))
                #expect(requestID?.isEmpty == false)
                #expect(!(error?.description.contains(wrong) ?? true))
                #expect((await sim.requestCounts()[SimulatorRoute.listWork.rawValue]) == 1)
            }
        }
    }

    @Test("a credential of the wrong kind is a 403 (an API key sent as bearer token to list)")
    func forbidden() async throws {
        try await withQuietSimulator { sim in
            try await withClient(testConfiguration(sim.baseURL), credentials: Credentials(authToken: TestKeys.api)) { client in
                let error = await apiError { () async throws(APIError) in
                    try await client.listWork(environmentID: sim.environmentIDs[0], limit: nil, page: nil)
                }
                #expect(error?.status == 403)
                guard case .http(_, let type, let message, _, _, _) = error else { return }
                #expect(type == "permission_error")
                #expect(message.contains("sent ANTHROPIC_AUTH_TOKEN"))
                #expect(!message.contains(TestKeys.api))
            }
        }
    }

    @Test("a call without its credential fails before any request and names the variable")
    func missingCredential() async throws {
        try await withQuietSimulator { sim in
            let env = sim.environmentIDs[0]
            try await withClient(testConfiguration(sim.baseURL), credentials: Credentials(apiKey: TestKeys.api)) { client in
                let list = await apiError { () async throws(APIError) in
                    try await client.listWork(environmentID: env, limit: nil, page: nil)
                }
                #expect(list == .missingCredential(call: "list work", variable: "ANTHROPIC_ENVIRONMENT_KEY"))
                let poll = await apiError { () async throws(APIError) in
                    try await client.poll(environmentID: env, workerID: nil, blockMilliseconds: nil,
                        reclaimOlderThanMilliseconds: nil)
                }
                #expect(poll == .missingCredential(call: "poll", variable: "ANTHROPIC_ENVIRONMENT_KEY"))
                #expect((await sim.requestCounts()).values.reduce(0, +) == 0)
                // The API key alone is enough for stats and stop.
                let stats = try await client.stats(environmentID: env)
                #expect(stats.depth == 0)
            }
            try await withClient(testConfiguration(sim.baseURL), credentials: Credentials(environmentKey: TestKeys.environment)) { client in
                let get = await apiError { () async throws(APIError) in
                    try await client.getWork(environmentID: env, workID: "work_x")
                }
                #expect(get == .missingCredential(call: "get work", variable: "ANTHROPIC_API_KEY"))
            }
        }
    }

    @Test("an unknown work item is a 404 with the API's type and a request id; not retried")
    func notFound() async throws {
        try await withQuietSimulator { sim in
            try await withClient(testConfiguration(sim.baseURL)) { client in
                let error = await apiError { () async throws(APIError) in
                    try await client.getWork(environmentID: sim.environmentIDs[0], workID: "work_missing")
                }
                guard case .http(404, "not_found_error", _, let requestID, _, _) = error else {
                    Issue.record("expected a 404, got \(String(describing: error))")
                    return
                }
                #expect(requestID != nil)
                #expect((await sim.requestCounts()[SimulatorRoute.getWork.rawValue]) == 1)
            }
        }
    }

    @Test("a heartbeat with a stale expected value is a 412 carrying the lease's current state")
    func preconditionFailed() async throws {
        try await withQuietSimulator { sim in
            let env = sim.environmentIDs[0]
            _ = try await sim.enqueue(environmentID: env, count: 1)
            try await withClient(testConfiguration(sim.baseURL)) { client in
                let item = try #require(
                    try await client.poll(environmentID: env, workerID: nil, blockMilliseconds: 100,
                        reclaimOlderThanMilliseconds: nil))
                _ = try await client.ack(environmentID: env, workID: item.id)
                let first = try await client.heartbeat(
                    environmentID: env, workID: item.id, desiredTTLSeconds: nil,
                    expectedLastHeartbeat: APIConstants.noHeartbeat, sessionToken: item.secret)
                let error = await apiError { () async throws(APIError) in
                    try await client.heartbeat(
                        environmentID: env, workID: item.id, desiredTTLSeconds: nil,
                        expectedLastHeartbeat: APIConstants.noHeartbeat, sessionToken: item.secret)
                }
                guard case .http(412, "invalid_request_error", _, _, let details, _) = error else {
                    Issue.record("expected a 412, got \(String(describing: error))")
                    return
                }
                #expect(details?["error_code"]?.stringValue == "heartbeat_precondition_failed")
                #expect(details?["current_state"]?["last_heartbeat"]?.stringValue == first.lastHeartbeat)
                #expect(details?["current_state"]?["state"]?.stringValue == "active")
                #expect((await sim.requestCounts()[SimulatorRoute.heartbeat.rawValue]) == 2)
            }
        }
    }
}
