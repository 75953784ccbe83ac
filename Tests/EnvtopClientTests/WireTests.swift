import EnvtopModels
import Foundation
import Testing

@testable import EnvtopClient

@Suite("What goes over the wire, checked with a scripted server")
struct WireTests {
    @Test("headers and query exactly as docs/API.md says; the retry count rises on each attempt")
    func headersOnTheWire() async throws {
        let replies: [ScriptedServer.Reply] = [
            .json(#"{"type":"error","error":{"type":"api_error","message":"try again"}}"#, status: 500),
            .json(#"{"data":[],"next_page":null}"#),
        ]
        try await withScriptedServer(replies) { server in
            var configuration = testConfiguration(server.baseURL)
            configuration.workspaceID = "wrkspc_01"
            try await withClient(configuration) { client in
                let page = try await client.listWork(environmentID: "env_1", limit: 25, page: "cur/sor")
                #expect(page.data.isEmpty)
            }
            let received = server.received
            try #require(received.count == 2)
            for (attempt, request) in received.enumerated() {
                #expect(request.method == "GET")
                #expect(request.target == "/v1/environments/env_1/work?beta=true&limit=25&page=cur%2Fsor")
                #expect(request.header("anthropic-version") == "2026-10-21")
                #expect(request.headerValues("anthropic-beta") == ["managed-agents-2026-04-01"])
                #expect(request.header("anthropic-workspace-id") == "wrkspc_01")
                #expect(request.header("authorization") == "Bearer \(TestKeys.environment)")
                #expect(request.header("x-api-key") == nil)
                #expect(request.header("user-agent") == "envtop/\(ClientVersion.current)")
                #expect(request.header("accept") == "application/json")
                #expect(request.header("x-stainless-retry-count") == "\(attempt)")
            }
        }
    }

    @Test("POST bodies and the API key header; ack and heartbeat send an empty body")
    func posts() async throws {
        try await withScriptedServer([.json(workItemJSON())]) { server in
            try await withClient(testConfiguration(server.baseURL)) { client in
                _ = try await client.updateMetadata(environmentID: "e", workID: "w", patch: MetadataPatch(["a": "1", "b": nil]))
                _ = try await client.stopWork(environmentID: "e", workID: "w", mode: .force)
                _ = try await client.ack(environmentID: "e", workID: "w")
            }
            let received = server.received
            #expect(received[0].body == #"{"metadata":{"a":"1","b":null}}"#)
            #expect(received[0].header("x-api-key") == TestKeys.api)
            #expect(received[0].header("authorization") == nil)
            #expect(received[0].header("content-type") == "application/json")
            #expect(received[1].target == "/v1/environments/e/work/w/stop?beta=true")
            #expect(received[1].body == #"{"force":true}"#)
            #expect(received[1].header("authorization") == "Bearer \(TestKeys.environment)")
            #expect(received[2].method == "POST")
            #expect(received[2].body.isEmpty)
            #expect(received[2].header("content-length") == "0")
            #expect(received[2].header("content-type") == nil)
        }
    }

    @Test("poll sends the worker id header and the query; heartbeat sends the session token")
    func workerHeaders() async throws {
        let heartbeat = #"{"type":"work_heartbeat","last_heartbeat":"2026-01-01T00:00:01Z","lease_extended":true,"state":"active","ttl_seconds":90}"#
        try await withScriptedServer([.json("null"), .json(heartbeat)]) { server in
            try await withClient(testConfiguration(server.baseURL)) { client in
                let none = try await client.poll(environmentID: "e", workerID: "host-1", blockMilliseconds: 999,
                    reclaimOlderThanMilliseconds: 5000)
                #expect(none == nil)
                let answer = try await client.heartbeat(
                    environmentID: "e", workID: "w", desiredTTLSeconds: 90, expectedLastHeartbeat: "NO_HEARTBEAT",
                    sessionToken: WorkSecret("sk-ant-req-session-token-1"))
                #expect(answer == HeartbeatResponse(lastHeartbeat: "2026-01-01T00:00:01Z", leaseExtended: true, state: .active, ttlSeconds: 90))
            }
            let received = server.received
            #expect(received[0].target == "/v1/environments/e/work/poll?beta=true&block_ms=999&reclaim_older_than_ms=5000")
            #expect(received[0].header("anthropic-worker-id") == "host-1")
            #expect(received[1].target == "/v1/environments/e/work/w/heartbeat?beta=true&desired_ttl_seconds=90&expected_last_heartbeat=NO_HEARTBEAT")
            #expect(received[1].header("authorization") == "Bearer sk-ant-req-session-token-1")
        }
    }

    @Test("retry-after in seconds is honoured")
    func retryAfterSeconds() async throws {
        let replies: [ScriptedServer.Reply] = [
            .json("{}", status: 429, headers: [("retry-after", "0.3")]),
            .json(#"{"type":"work_queue_stats","depth":4,"pending":1,"oldest_queued_at":null,"workers_polling":2}"#),
        ]
        try await withScriptedServer(replies) { server in
            try await withClient(testConfiguration(server.baseURL)) { client in
                let started = ContinuousClock.now
                let stats = try await client.stats(environmentID: "e")
                #expect(stats == QueueStats(depth: 4, pending: 1, oldestQueuedAt: nil, workersPolling: 2))
                #expect(ContinuousClock.now - started >= .milliseconds(300))
            }
            #expect(server.received.count == 2)
        }
    }

    @Test("retry-after as an HTTP date in the past falls back to the backoff")
    func retryAfterDate() async throws {
        let replies: [ScriptedServer.Reply] = [
            .json("{}", status: 503, headers: [("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT")]),
            .json(#"{"type":"work_queue_stats","depth":0,"pending":0,"oldest_queued_at":null,"workers_polling":null}"#),
        ]
        try await withScriptedServer(replies) { server in
            try await withClient(testConfiguration(server.baseURL)) { client in
                let started = ContinuousClock.now
                _ = try await client.stats(environmentID: "e")
                // The test backoff is milliseconds; honouring the stale date would wait forever. The
                // margin is for a loaded machine (the whole suite runs in parallel on two cores).
                #expect(ContinuousClock.now - started < .seconds(30))
            }
            #expect(server.received.count == 2)
        }
    }

    @Test("x-should-retry: false stops retrying a 503; true retries a 400")
    func shouldRetryHeader() async throws {
        try await withScriptedServer([.json("{}", status: 503, headers: [("x-should-retry", "false")])]) { server in
            try await withClient(testConfiguration(server.baseURL)) { client in
                let error = await apiError { () async throws(APIError) in try await client.stats(environmentID: "e") }
                #expect(error?.status == 503)
            }
            #expect(server.received.count == 1)
        }
        try await withScriptedServer([.json("{}", status: 400, headers: [("x-should-retry", "true")])]) { server in
            try await withClient(testConfiguration(server.baseURL)) { client in
                let error = await apiError { () async throws(APIError) in try await client.stats(environmentID: "e") }
                #expect(error?.status == 400)
            }
            #expect(server.received.count == 3)
        }
    }

    @Test("an unknown state and data type still decode, the rest of the item intact")
    func unknownState() async throws {
        let page = #"{"data":[\#(workItemJSON(id: "work_a", state: "paused", dataType: "batch")),\#(workItemJSON(id: "work_b", state: "active"))],"next_page":null}"#
        try await withScriptedServer([.json(page)]) { server in
            try await withClient(testConfiguration(server.baseURL)) { client in
                let result = try await client.listWork(environmentID: "env_1", limit: nil, page: nil)
                #expect(result.data.map(\.state) == [.unknown("paused"), .active])
                #expect(result.data[0].data.kind == .unknown("batch"))
                #expect(result.data[0].metadata == ["k": "v"])
                #expect(result.data[0].createdAt == RFC3339.parse("2026-01-01T00:00:00.000Z"))
            }
        }
    }

    @Test("a body that stalls after the head times out at the request timeout")
    func stalledBody() async throws {
        var reply = ScriptedServer.Reply.json(workItemJSON())
        reply.bodyDelayMilliseconds = 60_000
        try await withScriptedServer([reply]) { server in
            try await withClient(testConfiguration(server.baseURL, retries: 0, requestTimeout: .milliseconds(250))) { client in
                let started = ContinuousClock.now
                let error = await apiError { () async throws(APIError) in
                    try await client.getWork(environmentID: "e", workID: "w")
                }
                guard case .timedOut = error else {
                    Issue.record("expected a timeout, got \(String(describing: error))")
                    return
                }
                #expect(ContinuousClock.now - started < .seconds(30))  // well before the 60 s stall ends
            }
        }
    }

    @Test("a key a server echoes back never reaches the error text")
    func echoedKeyIsRedacted() async throws {
        let body = #"{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key: \#(TestKeys.api)"}}"#
        try await withScriptedServer([.json(body, status: 401)]) { server in
            try await withClient(testConfiguration(server.baseURL)) { client in
                let error = await apiError { () async throws(APIError) in
                    try await client.getWork(environmentID: "e", workID: "w")
                }
                let text = try #require(error?.description)
                #expect(!text.contains(TestKeys.api))
                #expect(text.contains("invalid x-api-key: <redacted>"))
                #expect(text.contains("sent ANTHROPIC_API_KEY as x-api-key; get work takes ANTHROPIC_API_KEY or ANTHROPIC_AUTH_TOKEN"))
            }
        }
    }

    @Test("an http proxy from http_proxy tunnels the request (CONNECT); NO_PROXY sends it direct")
    func proxy() async throws {
        let stats = #"{"type":"work_queue_stats","depth":0,"pending":0,"oldest_queued_at":null,"workers_polling":null}"#
        try await withScriptedServer([.json(stats)]) { proxy in
            var configuration = testConfiguration("http://api.invalid:8080")
            configuration.proxy = .fromEnvironment(["http_proxy": "http://ops:s3cret@127.0.0.1:\(proxy.port)"])
            try await withClient(configuration) { client in
                #expect(client.route == .proxy(ProxyServer(kind: .http, host: "127.0.0.1", port: proxy.port,
                    username: "ops", password: Credential("s3cret"))))
                _ = try await client.stats(environmentID: "e")
            }
            let received = proxy.received
            try #require(received.count == 2)
            #expect(received[0].method == "CONNECT")
            #expect(received[0].target == "api.invalid:8080")
            #expect(received[0].header("proxy-authorization") == "Basic \(Data("ops:s3cret".utf8).base64EncodedString())")
            #expect(received[1].header("proxy-authorization") == nil)
            #expect(received[1].target == "/v1/environments/e/work/stats?beta=true")
            #expect(received[1].header("authorization") == "Bearer \(TestKeys.environment)")
        }
        try await withScriptedServer([.json(stats)]) { direct in
            var configuration = testConfiguration(direct.baseURL)
            configuration.proxy = .fromEnvironment(["http_proxy": "http://127.0.0.1:9", "NO_PROXY": "127.0.0.0/8"])
            try await withClient(configuration) { client in
                #expect(client.route == .direct)
                _ = try await client.stats(environmentID: "e")
            }
            #expect(direct.received.first?.target == "/v1/environments/e/work/stats?beta=true")
        }
    }

    @Test("an unusable proxy or base URL fails every call with a plain reason")
    func unusableSettings() async throws {
        var configuration = testConfiguration("https://api.anthropic.com")
        configuration.proxy = .fromEnvironment(["HTTPS_PROXY": "https://user:hunter2@proxy:443"])
        try await withClient(configuration) { client in
            let error = await apiError { () async throws(APIError) in try await client.stats(environmentID: "e") }
            guard case .transport(let why) = error else {
                Issue.record("expected a transport error, got \(String(describing: error))")
                return
            }
            #expect(why.contains("HTTPS_PROXY"))
            #expect(!why.contains("hunter2"))
        }
        try await withClient(testConfiguration("api.anthropic.com")) { client in
            let error = await apiError { () async throws(APIError) in try await client.stats(environmentID: "e") }
            #expect(error == .transport("ANTHROPIC_BASE_URL is not an http:// or https:// URL"))
        }
    }
}
