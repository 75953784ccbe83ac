import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

@testable import EnvtopClient

@Suite("Every endpoint against the simulator over loopback HTTP")
struct SimulatorEndpointTests {
    @Test("environments: list and get")
    func environments() async throws {
        try await withQuietSimulator(environments: 2) { sim in
            try await withClient(testConfiguration(sim.baseURL)) { client in
                let page = try await client.listEnvironments(limit: 10, page: nil, includeArchived: false)
                #expect(page.data.map(\.id) == sim.environmentIDs)
                #expect(page.data.allSatisfy { $0.isSelfHosted })
                let one = try await client.getEnvironment(id: sim.environmentIDs[1])
                #expect(one.id == sim.environmentIDs[1])
                #expect(one == page.data[1])
            }
        }
    }

    @Test("list, get, stats: what the simulator holds, item for item")
    func readCalls() async throws {
        try await withQuietSimulator { sim in
            let env = sim.environmentIDs[0]
            let made = try await sim.enqueue(environmentID: env, count: 3, metadata: ["team": "ops"])
            try await withClient(testConfiguration(sim.baseURL)) { client in
                let page = try await client.listWork(environmentID: env, limit: 10, page: nil)
                #expect(page.nextPage == nil)
                #expect(Set(page.data.map(\.id)) == Set(made.map(\.id)))
                // Same items, same order; the wire carries milliseconds, so dates agree to within 1 ms.
                let held = await sim.items(environmentID: env)
                #expect(page.data.map(\.id) == held.map(\.id))
                let item = try await client.getWork(environmentID: env, workID: made[1].id)
                #expect(item.id == made[1].id)
                #expect(item.data == made[1].data)
                #expect(abs(item.createdAt.timeIntervalSince(made[1].createdAt)) < 0.001)
                #expect(item.metadata == ["team": "ops"])
                #expect(item.state == .queued)
                let stats = try await client.stats(environmentID: env)
                #expect(stats.depth == 3)
                #expect(stats.pending == 0)
                #expect(stats.oldestQueuedAt != nil)
            }
        }
    }

    @Test("the worker's calls: poll (empty and not), ack, heartbeat with the item's session token")
    func workerCalls() async throws {
        try await withQuietSimulator { sim in
            let env = sim.environmentIDs[0]
            try await withClient(testConfiguration(sim.baseURL)) { client in
                let nothing = try await client.poll(
                    environmentID: env, workerID: "worker-a", blockMilliseconds: 20, reclaimOlderThanMilliseconds: nil)
                #expect(nothing == nil)
                let made = try await sim.enqueue(environmentID: env, count: 1)
                let polled = try #require(
                    try await client.poll(
                        environmentID: env, workerID: "worker-a", blockMilliseconds: 200,
                        reclaimOlderThanMilliseconds: 5000))
                #expect(polled.id == made[0].id)
                let secret = try #require(polled.secret)
                let token = try #require(secret.sessionsToken)
                #expect(token.revealForWorker().hasPrefix("sk-ant-req-"))
                #expect(!String(describing: polled).contains(token.revealForWorker()))
                let stats = try await client.stats(environmentID: env)
                #expect(stats.pending == 1)
                #expect(stats.workersPolling == 1)

                let acked = try await client.ack(environmentID: env, workID: polled.id)
                #expect(acked.state == .starting)
                #expect(acked.acknowledgedAt != nil)

                let first = try await client.heartbeat(
                    environmentID: env, workID: polled.id, desiredTTLSeconds: 30,
                    expectedLastHeartbeat: APIConstants.noHeartbeat, sessionToken: token)
                #expect(first.leaseExtended)
                #expect(first.state == .active)
                #expect(first.ttlSeconds == 30)
                // The whole secret works too: the client takes the token out of it.
                let second = try await client.heartbeat(
                    environmentID: env, workID: polled.id, desiredTTLSeconds: nil,
                    expectedLastHeartbeat: first.lastHeartbeat, sessionToken: secret)
                #expect(second.leaseExtended)
                // Without a session token the environment key is sent.
                let third = try await client.heartbeat(
                    environmentID: env, workID: polled.id, desiredTTLSeconds: nil,
                    expectedLastHeartbeat: second.lastHeartbeat, sessionToken: nil)
                #expect(third.state == .active)
            }
        }
    }

    @Test("stop: graceful makes an active item stopping, force makes it stopped, again is a 409")
    func stop() async throws {
        try await withQuietSimulator { sim in
            let env = sim.environmentIDs[0]
            try await withClient(testConfiguration(sim.baseURL)) { client in
                _ = try await sim.enqueue(environmentID: env, count: 1)
                let polled = try #require(
                    try await client.poll(environmentID: env, workerID: nil, blockMilliseconds: 100,
                        reclaimOlderThanMilliseconds: nil))
                _ = try await client.ack(environmentID: env, workID: polled.id)
                _ = try await client.heartbeat(
                    environmentID: env, workID: polled.id, desiredTTLSeconds: nil,
                    expectedLastHeartbeat: APIConstants.noHeartbeat, sessionToken: polled.secret)

                let stopping = try await client.stopWork(environmentID: env, workID: polled.id, mode: .graceful)
                #expect(stopping.state == .stopping)
                #expect(stopping.stopRequestedAt != nil)
                let beat = try await client.heartbeat(
                    environmentID: env, workID: polled.id, desiredTTLSeconds: nil, expectedLastHeartbeat: "whatever",
                    sessionToken: polled.secret)
                #expect(beat.state == .stopping)
                #expect(!beat.leaseExtended)

                let stopped = try await client.stopWork(environmentID: env, workID: polled.id, mode: .force)
                #expect(stopped.state == .stopped)
                #expect(stopped.stoppedAt != nil)

                let before = await sim.requestCounts()[SimulatorRoute.stop.rawValue] ?? 0
                let again = await apiError { () async throws(APIError) in
                    try await client.stopWork(environmentID: env, workID: polled.id, mode: .force)
                }
                #expect(again?.status == 409)
                // A stop is sent once, never retried (the SDKs would retry a 409 twice): a 409
                // already says "stopped", and a repeated stop could act twice.
                #expect((await sim.requestCounts()[SimulatorRoute.stop.rawValue] ?? 0) - before == 1)
            }
        }
    }

    @Test("update metadata: strings upsert, nil deletes, other keys stay")
    func updateMetadata() async throws {
        try await withQuietSimulator { sim in
            let env = sim.environmentIDs[0]
            let made = try await sim.enqueue(environmentID: env, count: 1, metadata: ["keep": "1", "drop": "2"])
            try await withClient(testConfiguration(sim.baseURL)) { client in
                let updated = try await client.updateMetadata(
                    environmentID: env, workID: made[0].id, patch: MetadataPatch(["drop": nil, "owner": "ana/ops"]))
                #expect(updated.metadata == ["keep": "1", "owner": "ana/ops"])
                #expect((await sim.workItem(environmentID: env, id: made[0].id))?.metadata == updated.metadata)
            }
        }
    }
}
