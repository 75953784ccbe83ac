import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

@Suite("Seeded history")
struct SeededHistoryTests {
    /// The default history, held still (no workers, no arrivals) so the test sees it as seeded.
    func stillDemo(seed: UInt64 = 1) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.seed = seed
        configuration.environmentCount = 2
        configuration.workersPerEnvironment = 0
        configuration.arrivalRatePerSecond = 0
        return configuration
    }

    @Test("the default history shows every state and every trouble case an operator must spot")
    func troubleCases() async throws {
        let configuration = stillDemo()
        try await TestServers.with(configuration) { server async throws in
            let now = Date()
            let ttl = Double(configuration.leaseTTLSeconds)
            for environmentID in server.environmentIDs {
                let items = await server.items(environmentID: environmentID)
                #expect(items.count == configuration.initialItemsPerEnvironment)
                #expect(Set(items.map(\.state)) == Set(WorkState.known))
                // A dead worker: active, heartbeat older than the lease.
                #expect(items.contains { $0.state == .active && now.timeIntervalSince($0.latestHeartbeatAt ?? now) > ttl })
                // A worker that ignored a stop: stopping for minutes.
                #expect(items.contains { $0.state == .stopping && now.timeIntervalSince($0.stopRequestedAt ?? now) > 120 })
                // Acknowledged long ago and never started.
                #expect(items.contains { $0.state == .starting && $0.startedAt == nil && now.timeIntervalSince($0.acknowledgedAt ?? now) > 60 })
                // Polled and never acknowledged.
                #expect(try await server.stats(environmentID: environmentID).pending >= 1)
                // Hostile and long metadata.
                let values = items.flatMap { $0.metadata.values }
                #expect(values.contains { $0.contains("\u{1b}[31m") })
                #expect(values.contains { $0.contains("\n") })
                #expect(values.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
                #expect(values.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
                #expect(items.contains { $0.metadata.count >= 8 && $0.metadata.values.contains { $0.count > 200 } })
                // The list is newest first, like the API's.
                let created = items.map(\.createdAt)
                #expect(created == created.sorted(by: >))
            }
        }
    }

    @Test("the same seed gives the same environments and history; another seed does not")
    func deterministic() async throws {
        func snapshot(_ seed: UInt64) async throws -> [String] {
            try await TestServers.with(stillDemo(seed: seed)) { server async throws in
                var lines = server.environmentIDs
                for environmentID in server.environmentIDs {
                    for item in await server.items(environmentID: environmentID) {
                        lines.append("\(item.id) \(item.state) \(item.data.id) \(item.metadata.sorted { $0.key < $1.key })")
                    }
                }
                return lines
            }
        }
        let first = try await snapshot(7)
        #expect(try await snapshot(7) == first)
        #expect(try await snapshot(8) != first)
    }

    @Test("environments differ in character: each has its own profile")
    func profiles() async throws {
        var configuration = stillDemo()
        configuration.environmentCount = 3
        try await TestServers.with(configuration) { server async throws in
            let probe = HTTPProbe(baseURL: server.baseURL)
            let page = try await probe.send("GET", "/v1/environments").decode(EnvironmentPage.self)
            #expect(Set(page.data.compactMap { $0.metadata["profile"] }).count == 3)
        }
    }
}
