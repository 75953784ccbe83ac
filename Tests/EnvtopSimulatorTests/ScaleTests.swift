import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

@Suite("Scale")
struct ScaleTests {
    @Test("an environment holds 100,000 items: the first page, a deep page and the stats stay correct")
    func hundredThousand() async throws {
        try await TestServers.with(TestServers.quiet()) { server async throws in
            let environmentID = server.environmentIDs[0]
            try await server.seedQueuedItems(environmentID: environmentID, count: 100_000)
            let probe = HTTPProbe(baseURL: server.baseURL, credential: TestServers.environmentKey)
            let base = "/v1/environments/\(environmentID)/work"
            let first = try await probe.send("GET", base + "?limit=100").decode(WorkPage.self)
            #expect(first.data.count == 100)
            let next = try #require(first.nextPage)
            let second = try await probe.send("GET", base + "?limit=1000&page=\(next)").decode(WorkPage.self)
            #expect(second.data.count == 1000)
            #expect(Set(first.data.map(\.id)).isDisjoint(with: second.data.map(\.id)))
            let stats = try await probe.send("GET", base + "/stats").decode(QueueStats.self)
            #expect(stats.depth == 100_000 && stats.pending == 0)
            // The oldest item is the one a poll hands out first.
            let polled = try await probe.send("GET", base + "/poll").decode(WorkItem.self)
            #expect(polled.createdAt == stats.oldestQueuedAt)
            #expect(await server.items(environmentID: environmentID).last?.id == polled.id)
        }
    }
}
