import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

@Suite("Work API on the wire")
struct WireTests {
    typealias Keys = TestServers

    func worker(_ server: SimulatorServer) -> HTTPProbe { HTTPProbe(baseURL: server.baseURL, credential: Keys.environmentKey) }
    func operatorProbe(_ server: SimulatorServer) -> HTTPProbe { HTTPProbe(baseURL: server.baseURL, credential: Keys.apiKey) }

    @Test("an empty poll is 200 application/json with the body null, at once without block_ms")
    func emptyPoll() async throws {
        try await TestServers.with(TestServers.quiet()) { server async throws in
            let started = Date()
            let answer = try await worker(server).send("GET", "/v1/environments/\(server.environmentIDs[0])/work/poll")
            #expect(answer.status == 200)
            #expect(answer.text == "null")
            #expect(answer.header("content-type")?.hasPrefix("application/json") == true)
            // No block_ms: it answers without holding the request (generous bound: CI is loaded).
            #expect(Date().timeIntervalSince(started) < 5)
        }
    }

    @Test("block_ms=0 and 1000 are 400s; block_ms holds an empty poll and returns work that arrives meanwhile")
    func longPoll() async throws {
        try await TestServers.with(TestServers.quiet()) { server async throws in
            let environmentID = server.environmentIDs[0]
            let path = "/v1/environments/\(environmentID)/work/poll"
            #expect(try await worker(server).send("GET", path + "?block_ms=0").status == 400)
            #expect(try await worker(server).send("GET", path + "?block_ms=1000").status == 400)
            let started = Date()
            let empty = try await worker(server).send("GET", path + "?block_ms=300")
            #expect(empty.text == "null")
            #expect(Date().timeIntervalSince(started) >= 0.28)
            // The held poll answers with an item enqueued while it waits, rather than `null` at the
            // end of its block. The item is enqueued only once the server has the poll; a machine
            // that stalls longer than the whole block gets another try (the missed item drained first).
            var claimedWhileHeld: (made: String, claimed: String)?
            for _ in 0..<5 where claimedWhileHeld == nil {
                let pollsBefore = await server.requestCounts()[SimulatorRoute.poll.rawValue] ?? 0
                async let answer = worker(server).send("GET", path + "?block_ms=999")
                while (await server.requestCounts()[SimulatorRoute.poll.rawValue] ?? 0) == pollsBefore {
                    try await Task.sleep(for: .milliseconds(5))
                }
                let made = try await server.enqueue(environmentID: environmentID, count: 1, metadata: ["k": "v"])
                let held = try await answer
                if held.text == "null" {
                    _ = try await worker(server).send("GET", path)
                    continue
                }
                claimedWhileHeld = (made[0].id, try held.decode(WorkItem.self).id)
            }
            let result = try #require(claimedWhileHeld, "no held poll returned the item enqueued during its block")
            #expect(result.claimed == result.made)
        }
    }

    @Test("the SDK's loop over HTTP: poll gives a secret, ack, heartbeats echo exactly, stop, a second stop is 409")
    func workerLoop() async throws {
        try await TestServers.with(TestServers.quiet()) { server async throws in
            let environmentID = server.environmentIDs[0]
            let base = "/v1/environments/\(environmentID)/work"
            _ = try await server.enqueue(environmentID: environmentID, count: 1, metadata: [:])
            let polled = try await worker(server).send(
                "GET", base + "/poll?block_ms=999&reclaim_older_than_ms=5000",
                headers: ["Anthropic-Worker-ID": "test-worker-1"]
            ).decode(WorkItem.self)
            let payload = try #require(SessionTokenReader.payload(in: polled))
            #expect((payload["sessions_token"] as? String)?.hasPrefix("sk-ant-req-") == true)
            #expect(payload["api_base_url"] as? String == server.baseURL)
            let stats = try await worker(server).send("GET", base + "/stats").decode(QueueStats.self)
            #expect(stats.pending == 1 && stats.depth == 0 && stats.workersPolling == 1)

            let acked = try await worker(server).send("POST", base + "/\(polled.id)/ack")
            #expect(try acked.decode(WorkItem.self).state == .starting)
            // The list never shows a secret.
            let listed = try await worker(server).send("GET", base).decode(WorkPage.self)
            #expect(listed.data.allSatisfy { $0.secret == nil })

            let token = try #require(SessionTokenReader.token(in: polled))
            let holder = HTTPProbe(baseURL: server.baseURL, credential: token)
            let first = try await holder.send("POST", base + "/\(polled.id)/heartbeat?expected_last_heartbeat=NO_HEARTBEAT")
                .decode(HeartbeatResponse.self)
            #expect(first.state == .active && first.leaseExtended)
            let echoed = first.lastHeartbeat.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let second = try await holder.send(
                "POST", base + "/\(polled.id)/heartbeat?desired_ttl_seconds=60&expected_last_heartbeat=\(echoed)")
            #expect(second.status == 200)
            #expect(try second.decode(HeartbeatResponse.self).ttlSeconds == 60)
            let stale = try await holder.send("POST", base + "/\(polled.id)/heartbeat?expected_last_heartbeat=\(echoed)")
            #expect(stale.status == 412)
            #expect(stale.envelope?.error.details?["error_code"] == .string("heartbeat_precondition_failed"))
            #expect(stale.envelope?.error.details?["current_state"]?["state"] == .string("active"))

            let graceful = try await operatorProbe(server).send("POST", base + "/\(polled.id)/stop", body: #"{"force":false}"#)
            #expect(try graceful.decode(WorkItem.self).state == .stopping)
            let told = try await holder.send("POST", base + "/\(polled.id)/heartbeat?expected_last_heartbeat=whatever")
                .decode(HeartbeatResponse.self)
            #expect(told.state == .stopping && !told.leaseExtended)
            let forced = try await holder.send("POST", base + "/\(polled.id)/stop", body: #"{"force":true}"#)
            #expect(try forced.decode(WorkItem.self).state == .stopped)
            let again = try await worker(server).send("POST", base + "/\(polled.id)/stop", body: "{}")
            #expect(again.status == 409)
            #expect(again.envelope?.error.type == "conflict_error")
        }
    }

    @Test("metadata update over HTTP is a merge patch; non-string values are a 400")
    func metadataPatch() async throws {
        try await TestServers.with(TestServers.quiet()) { server async throws in
            let environmentID = server.environmentIDs[0]
            let item = try await server.enqueue(environmentID: environmentID, count: 1, metadata: ["a": "1", "b": "2"])[0]
            let path = "/v1/environments/\(environmentID)/work/\(item.id)"
            let updated = try await operatorProbe(server).send("POST", path, body: #"{"metadata":{"b":null,"c":"3"}}"#)
            #expect(try updated.decode(WorkItem.self).metadata == ["a": "1", "c": "3"])
            #expect(await server.workItem(environmentID: environmentID, id: item.id)?.metadata == ["a": "1", "c": "3"])
            let bad = try await operatorProbe(server).send("POST", path, body: #"{"metadata":{"n":5}}"#)
            #expect(bad.status == 400 && bad.envelope?.error.type == "invalid_request_error")
        }
    }

    @Test("unknown items, environments and paths are 404 not_found_error in the envelope")
    func notFound() async throws {
        try await TestServers.with(TestServers.quiet()) { server async throws in
            let environmentID = server.environmentIDs[0]
            let missingItem = try await operatorProbe(server).send("GET", "/v1/environments/\(environmentID)/work/work_nope")
            #expect(missingItem.status == 404 && missingItem.envelope?.error.type == "not_found_error")
            let missingEnv = try await worker(server).send("GET", "/v1/environments/env_nope/work/stats")
            #expect(missingEnv.status == 404)
            let missingPath = try await worker(server).send("GET", "/v1/nothing")
            #expect(missingPath.status == 404 && missingPath.envelope?.requestID?.hasPrefix("req_") == true)
        }
    }

    @Test("environments: list and get, self_hosted, with every field")
    func environments() async throws {
        try await TestServers.with(TestServers.quiet(environments: 3)) { server async throws in
            let page = try await operatorProbe(server).send("GET", "/v1/environments?limit=20").decode(EnvironmentPage.self)
            #expect(page.data.map(\.id) == server.environmentIDs)
            #expect(page.data.allSatisfy { $0.isSelfHosted && $0.id.hasPrefix("env_") })
            #expect(page.nextPage == nil)
            let one = try await worker(server).send("GET", "/v1/environments/\(server.environmentIDs[1])")
            #expect(try one.decode(Environment.self).id == server.environmentIDs[1])
        }
    }

    @Test("admin enqueue creates queued session items and answers them; request counts name the routes")
    func adminEnqueue() async throws {
        try await TestServers.with(TestServers.quiet()) { server async throws in
            let environmentID = server.environmentIDs[0]
            let admin = HTTPProbe(baseURL: server.baseURL, credential: nil, sendVersionHeaders: false)
            let answer = try await admin.send(
                "POST", "/_sim/enqueue?environment_id=\(environmentID)&count=3", body: #"{"metadata":{"from":"test"}}"#)
            #expect(answer.status == 200)
            let made = try answer.decode(WorkPage.self).data
            #expect(made.count == 3 && made.allSatisfy { $0.state == .queued && $0.data.kind == .session })
            #expect(made.allSatisfy { $0.metadata == ["from": "test"] })
            _ = try await worker(server).send("GET", "/v1/environments/\(environmentID)/work/stats")
            _ = try await worker(server).send("GET", "/v1/environments/\(environmentID)/work?limit=2")
            _ = try await worker(server).send("GET", "/v1/environments/\(environmentID)/work?limit=2")
            let counts = await server.requestCounts()
            #expect(counts[SimulatorRoute.listWork.rawValue] == 2 && counts[SimulatorRoute.stats.rawValue] == 1 && counts[SimulatorRoute.adminEnqueue.rawValue] == 1)
            #expect(await server.items(environmentID: environmentID).count == 3)
        }
    }

    @Test("the server refuses to listen anywhere but 127.0.0.1")
    func loopbackOnly() async {
        var configuration = TestServers.quiet()
        configuration.host = "0.0.0.0"
        await #expect(throws: SimulatorServer.StartError.self) { _ = try await SimulatorServer.start(configuration) }
    }
}
