import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

@Suite("Credentials over HTTP")
struct CredentialTests {
    typealias Keys = TestServers

    @Test("no credential is a 401 in the API envelope, with the request-id header matching the body")
    func missingCredential() async throws {
        try await TestServers.with(TestServers.quiet()) { server async throws in
            let probe = HTTPProbe(baseURL: server.baseURL, credential: nil)
            let answer = try await probe.send("GET", "/v1/environments/\(server.environmentIDs[0])/work")
            #expect(answer.status == 401)
            let envelope = try #require(answer.envelope)
            #expect(envelope.type == "error" && envelope.error.type == "authentication_error")
            let requestID = try #require(answer.header("request-id"))
            #expect(requestID.hasPrefix("req_") && envelope.requestID == requestID)
        }
    }

    @Test("an unknown credential is a 401 whose message does not repeat it")
    func unknownCredential() async throws {
        try await TestServers.with(TestServers.quiet()) { server async throws in
            let secretLooking = "sk-ant-api03-do-not-echo-me"
            let probe = HTTPProbe(baseURL: server.baseURL, credential: secretLooking)
            let answer = try await probe.send("GET", "/v1/environments/\(server.environmentIDs[0])/work/stats")
            #expect(answer.status == 401)
            #expect(!answer.text.contains(secretLooking))
        }
    }

    @Test("list takes the environment key: an API key is a 403 that names ANTHROPIC_ENVIRONMENT_KEY")
    func listRejectsAPIKey() async throws {
        try await TestServers.with(TestServers.quiet()) { server async throws in
            let path = "/v1/environments/\(server.environmentIDs[0])/work"
            let operatorProbe = HTTPProbe(baseURL: server.baseURL, credential: Keys.apiKey)
            let refused = try await operatorProbe.send("GET", path)
            #expect(refused.status == 403)
            #expect(refused.envelope?.error.type == "permission_error")
            #expect(refused.envelope?.error.message.contains("ANTHROPIC_ENVIRONMENT_KEY") == true)
            #expect(!refused.text.contains(Keys.apiKey))
            let worker = HTTPProbe(baseURL: server.baseURL, credential: Keys.environmentKey)
            #expect(try await worker.send("GET", path).status == 200)
        }
    }

    @Test("get and update take an API key: the environment key is a 403 that names ANTHROPIC_API_KEY")
    func getRejectsEnvironmentKey() async throws {
        try await TestServers.with(TestServers.quiet()) { server async throws in
            let environmentID = server.environmentIDs[0]
            let item = try #require(try await server.enqueue(environmentID: environmentID, count: 1, metadata: [:]).first)
            let path = "/v1/environments/\(environmentID)/work/\(item.id)"
            let worker = HTTPProbe(baseURL: server.baseURL, credential: Keys.environmentKey)
            let refused = try await worker.send("GET", path)
            #expect(refused.status == 403)
            #expect(refused.envelope?.error.message.contains("ANTHROPIC_API_KEY") == true)
            let update = try await worker.send("POST", path, body: #"{"metadata":{"a":"b"}}"#)
            #expect(update.status == 403)
            let operatorProbe = HTTPProbe(baseURL: server.baseURL, credential: Keys.apiKey)
            let got = try await operatorProbe.send("GET", path)
            #expect(got.status == 200)
            #expect(try got.decode(WorkItem.self).id == item.id)
        }
    }

    @Test("x-api-key works as well as Authorization: Bearer")
    func xAPIKeyHeader() async throws {
        try await TestServers.with(TestServers.quiet()) { server async throws in
            let probe = HTTPProbe(baseURL: server.baseURL, credential: nil)
            let answer = try await probe.send(
                "GET", "/v1/environments/\(server.environmentIDs[0])/work/stats",
                headers: ["x-api-key": Keys.apiKey])
            #expect(answer.status == 200)
            #expect(try answer.decode(QueueStats.self).depth == 0)
        }
    }

    @Test("a sessions token works for its own item's heartbeat and stop only")
    func sessionsTokenScope() async throws {
        try await TestServers.with(TestServers.quiet()) { server async throws in
            let environmentID = server.environmentIDs[0]
            let items = try await server.enqueue(environmentID: environmentID, count: 2, metadata: [:])
            let worker = HTTPProbe(baseURL: server.baseURL, credential: Keys.environmentKey)
            let base = "/v1/environments/\(environmentID)/work"
            let polled = try await worker.send("GET", "\(base)/poll").decode(WorkItem.self)
            let token = try #require(SessionTokenReader.token(in: polled))
            _ = try await worker.send("POST", "\(base)/\(polled.id)/ack")
            let holder = HTTPProbe(baseURL: server.baseURL, credential: token)
            let own = try await holder.send("POST", "\(base)/\(polled.id)/heartbeat?expected_last_heartbeat=NO_HEARTBEAT")
            #expect(own.status == 200)
            let other = items.first { $0.id != polled.id }!
            let foreign = try await holder.send("POST", "\(base)/\(other.id)/heartbeat")
            #expect(foreign.status == 403)
            #expect(try await holder.send("GET", base).status == 403)  // list is not for a sessions token
            let stop = try await holder.send("POST", "\(base)/\(polled.id)/stop", body: #"{"force":true}"#)
            #expect(stop.status == 200)
            #expect(try stop.decode(WorkItem.self).state == .stopped)
        }
    }

    @Test("without configured keys any non-empty credential is accepted")
    func permissiveMode() async throws {
        try await TestServers.with(TestServers.quiet(keys: false)) { server async throws in
            let probe = HTTPProbe(baseURL: server.baseURL, credential: "whatever")
            let path = "/v1/environments/\(server.environmentIDs[0])/work"
            #expect(try await probe.send("GET", path).status == 200)
            #expect(try await probe.send("GET", path + "/stats").status == 200)
            #expect(try await HTTPProbe(baseURL: server.baseURL, credential: nil).send("GET", path).status == 401)
        }
    }

    @Test("a call without anthropic-version is a 400 invalid_request_error")
    func versionHeaderRequired() async throws {
        try await TestServers.with(TestServers.quiet()) { server async throws in
            var probe = HTTPProbe(baseURL: server.baseURL, credential: Keys.environmentKey)
            probe.sendVersionHeaders = false
            let answer = try await probe.send("GET", "/v1/environments/\(server.environmentIDs[0])/work/stats")
            #expect(answer.status == 400)
            #expect(answer.envelope?.error.type == "invalid_request_error")
            #expect(answer.envelope?.error.message.contains("anthropic-version") == true)
        }
    }
}
