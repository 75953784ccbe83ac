import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

@testable import EnvtopClient

@Suite("Walking all pages")
struct PaginationTests {
    @Test("limit and cursor: every item once, newest first, last page without a cursor")
    func walk() async throws {
        try await withQuietSimulator { sim in
            let env = sim.environmentIDs[0]
            _ = try await sim.enqueue(environmentID: env, count: 23)
            try await withClient(testConfiguration(sim.baseURL)) { client in
                let pages = try await walkPages(client, environmentID: env, pageSize: 5)
                let sizes = pages.map(\.data.count)
                let ids = pages.flatMap { $0.data.map(\.id) }
                let cursors = pages.map(\.nextPage)
                #expect(sizes == [5, 5, 5, 5, 3])
                #expect(cursors.last! == nil)
                #expect(cursors.dropLast().allSatisfy { $0 != nil })
                let expected = await sim.items(environmentID: env)
                #expect(ids == expected.map(\.id))
                #expect((await sim.requestCounts()[SimulatorRoute.listWork.rawValue]) == 5)
            }
        }
    }

    @Test("items that change state and arrive during the walk neither repeat nor vanish")
    func walkWhileItemsChange() async throws {
        try await withQuietSimulator { sim in
            let env = sim.environmentIDs[0]
            let original = try await sim.enqueue(environmentID: env, count: 20)
            try await withClient(testConfiguration(sim.baseURL)) { client in
                var seen: [String: WorkItem] = [:]
                var duplicates = 0
                var stopped: Set<String> = []
                // More than 20 pages throws: the walk must end.
                try await walkPages(client, environmentID: env, pageSize: 6, maxPages: 20) { page in
                    for item in page.data {
                        if seen.updateValue(item, forKey: item.id) != nil { duplicates += 1 }
                    }
                    // Between pages: new work arrives and an item not yet listed stops.
                    _ = try await sim.enqueue(environmentID: env, count: 4)
                    if let unseen = original.first(where: { seen[$0.id] == nil && !stopped.contains($0.id) }) {
                        stopped.insert(unseen.id)
                        _ = try await client.stopWork(environmentID: env, workID: unseen.id, mode: .force)
                    }
                }
                #expect(duplicates == 0)
                #expect(Set(original.map(\.id)).isSubset(of: Set(seen.keys)))
                #expect(!stopped.isEmpty)
                #expect(stopped.allSatisfy { seen[$0]?.state == .stopped })
            }
        }
    }

    @Test("a walk gathers every item once; a failing page ends the walk with its error")
    func gatherAndFail() async throws {
        try await withQuietSimulator { sim in
            let env = sim.environmentIDs[0]
            _ = try await sim.enqueue(environmentID: env, count: 7)
            try await withClient(testConfiguration(sim.baseURL, retries: 0)) { client in
                let items = try await walkPages(client, environmentID: env, pageSize: 3).flatMap(\.data)
                #expect(items.count == 7)
                #expect(Set(items.map(\.id)).count == 7)
                var faults = FaultSettings()
                faults.errorRates = [500: 1]
                var pages = 0
                var walkError: (any Error)?
                do {
                    try await walkPages(client, environmentID: env, pageSize: 3) { _ in
                        pages += 1
                        await sim.setFaults(faults)
                    }
                } catch {
                    walkError = error
                }
                #expect(pages == 1)
                #expect((walkError as? APIError)?.status == 500)
            }
        }
    }
}

@Suite("Reading a page again")
struct UnchangedPageWireTests {
    @Test("over HTTP: the same page with the digest it had comes back unchanged, until an item on it changes")
    func unchangedUntilChanged() async throws {
        try await withQuietSimulator { sim in
            let env = sim.environmentIDs[0]
            _ = try await sim.enqueue(environmentID: env, count: 12)
            try await withClient(testConfiguration(sim.baseURL)) { client in
                let first = try await client.listWork(environmentID: env, limit: 5, page: nil)
                let digest = try #require(first.digest)
                #expect(first.data.count == 5 && !first.isUnchanged)
                let again = try await client.listWork(environmentID: env, limit: 5, page: nil, unlessDigest: digest)
                #expect(again.isUnchanged)
                #expect(again.digest == digest)
                #expect(again.data.isEmpty)
                // Another page, with that digest named, is read in full.
                let second = try await client.listWork(environmentID: env, limit: 5, page: first.nextPage, unlessDigest: digest)
                #expect(!second.isUnchanged && second.data.count == 5)
                // An item of the first page stopped: its bytes changed, so it is decoded and shows it.
                _ = try await client.stopWork(environmentID: env, workID: first.data[0].id, mode: .force)
                let changed = try await client.listWork(environmentID: env, limit: 5, page: nil, unlessDigest: digest)
                #expect(!changed.isUnchanged)
                #expect(changed.digest != digest)
                #expect(changed.data.first { $0.id == first.data[0].id }?.state == .stopped)
                #expect((await sim.requestCounts()[SimulatorRoute.listWork.rawValue]) == 4)
            }
        }
    }
}
