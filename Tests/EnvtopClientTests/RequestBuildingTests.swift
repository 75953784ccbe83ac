import EnvtopModels
import Testing

@testable import EnvtopClient

@Suite("Request building")
struct RequestBuildingTests {
    let base = BaseURL.parse("https://api.example.test")!

    private func url(_ request: APIRequest) -> String { base.url(path: request.path, query: request.encodedQuery) }

    @Test("every path carries ?beta=true first, then the call's parameters")
    func paths() throws {
        #expect(
            url(.listWork(environmentID: "env_1", limit: 50, page: "abc"))
                == "https://api.example.test/v1/environments/env_1/work?beta=true&limit=50&page=abc")
        #expect(
            url(.listWork(environmentID: "env_1", limit: nil, page: nil))
                == "https://api.example.test/v1/environments/env_1/work?beta=true")
        #expect(url(.getWork(environmentID: "env_1", workID: "work_2")).hasSuffix("/v1/environments/env_1/work/work_2?beta=true"))
        #expect(url(.stats(environmentID: "env_1")).hasSuffix("/v1/environments/env_1/work/stats?beta=true"))
        #expect(url(.stopWork(environmentID: "e", workID: "w", mode: .force)).hasSuffix("/v1/environments/e/work/w/stop?beta=true"))
        #expect(url(.ack(environmentID: "e", workID: "w")).hasSuffix("/v1/environments/e/work/w/ack?beta=true"))
        #expect(
            url(.poll(environmentID: "e", workerID: "wk", blockMilliseconds: 500, reclaimOlderThanMilliseconds: 5000))
                .hasSuffix("/v1/environments/e/work/poll?beta=true&block_ms=500&reclaim_older_than_ms=5000"))
        #expect(
            url(.heartbeat(environmentID: "e", workID: "w", desiredTTLSeconds: 60,
                expectedLastHeartbeat: "2026-01-02T03:04:05.678Z", sessionToken: nil))
                .hasSuffix("/work/w/heartbeat?beta=true&desired_ttl_seconds=60&expected_last_heartbeat=2026-01-02T03%3A04%3A05.678Z"))
        #expect(
            url(.listEnvironments(limit: 10, page: nil, includeArchived: true))
                == "https://api.example.test/v1/environments?beta=true&limit=10&include_archived=true")
        #expect(url(.getEnvironment(id: "env_9")) == "https://api.example.test/v1/environments/env_9?beta=true")
    }

    @Test("methods and bodies match the API: stop sends force, update sends a merge patch")
    func bodies() throws {
        let graceful = APIRequest.stopWork(environmentID: "e", workID: "w", mode: .graceful)
        #expect(graceful.method == .post)
        #expect(String(decoding: graceful.body!, as: UTF8.self) == #"{"force":false}"#)
        let force = APIRequest.stopWork(environmentID: "e", workID: "w", mode: .force)
        #expect(String(decoding: force.body!, as: UTF8.self) == #"{"force":true}"#)
        let update = try APIRequest.updateMetadata(
            environmentID: "e", workID: "w", patch: MetadataPatch(["owner": "ops/team", "gone": nil]))
        #expect(update.method == .post)
        #expect(update.path == "/v1/environments/e/work/w")
        #expect(String(decoding: update.body!, as: UTF8.self) == #"{"metadata":{"gone":null,"owner":"ops/team"}}"#)
        #expect(APIRequest.ack(environmentID: "e", workID: "w").body == nil)
        #expect(APIRequest.heartbeat(environmentID: "e", workID: "w", desiredTTLSeconds: nil,
            expectedLastHeartbeat: nil, sessionToken: nil).body == nil)
        #expect(APIRequest.listWork(environmentID: "e", limit: nil, page: nil).method == .get)
    }

    @Test("ids and cursors are percent-encoded so they cannot add segments or parameters")
    func encoding() {
        #expect(
            url(.getWork(environmentID: "env/../x", workID: "a b?c=d"))
                .hasSuffix("/v1/environments/env%2F..%2Fx/work/a%20b%3Fc%3Dd?beta=true"))
        #expect(url(.getWork(environmentID: "..", workID: ".")).hasSuffix("/v1/environments/%2E%2E/work/%2E?beta=true"))
        #expect(url(.listWork(environmentID: "e", limit: nil, page: "a+b/c=&d")).hasSuffix("page=a%2Bb%2Fc%3D%26d"))
    }

    @Test("the base URL may carry a path prefix, a port, or an IPv6 host")
    func baseURLs() {
        #expect(BaseURL.parse("http://127.0.0.1:8080/")?.url(path: "/v1/x", query: "") == "http://127.0.0.1:8080/v1/x")
        #expect(BaseURL.parse("https://gw.example/anthropic//")?.url(path: "/v1/x", query: "a=b") == "https://gw.example/anthropic/v1/x?a=b")
        let v6 = BaseURL.parse("http://[::1]:9000")
        #expect(v6?.host == "::1")
        #expect(v6?.origin == "http://[::1]:9000")
        #expect(BaseURL.parse("ftp://example") == nil)
        #expect(BaseURL.parse("api.anthropic.com") == nil)
        #expect(BaseURL.parse("http://:80") == nil)
        #expect(BaseURL.parse("http://user:pw@host") == nil)
        #expect(BaseURL.parse("http://host:99999") == nil)
    }

    @Test("headers: version, beta, user agent, workspace, credential, retry count, worker id")
    func headerFields() throws {
        var configuration = ClientConfiguration(baseURL: "https://api.example.test", workspaceID: "wrkspc_1")
        configuration.userAgent = "envtop/9.9"
        let credential = try CredentialSelection.select(
            for: .poll, from: Credentials(environmentKey: "env-key-value")
        ).get()
        let poll = APIRequest.poll(environmentID: "e", workerID: "worker-7", blockMilliseconds: nil,
            reclaimOlderThanMilliseconds: nil)
        let fields = RequestHeaders.build(for: poll, configuration: configuration, credential: credential, retryCount: 2)
        let pairs = fields.map { "\($0.name): \($0.value)" }
        #expect(
            pairs == [
                "accept: application/json", "user-agent: envtop/9.9", "anthropic-version: 2026-10-21",
                "anthropic-beta: managed-agents-2026-04-01", "anthropic-workspace-id: wrkspc_1",
                "authorization: Bearer env-key-value", "x-stainless-retry-count: 2", "anthropic-worker-id: worker-7",
            ])
        let stop = APIRequest.stopWork(environmentID: "e", workID: "w", mode: .graceful)
        let stopFields = RequestHeaders.build(
            for: stop, configuration: ClientConfiguration(), credential: credential, retryCount: 0)
        #expect(stopFields.contains { $0.name == "content-type" && $0.value == "application/json" })
        #expect(!stopFields.contains { $0.name == APIConstants.workspaceHeader })
        #expect(stopFields.contains { $0.name == "user-agent" && $0.value == "envtop/\(ClientVersion.current)" })
    }
}
