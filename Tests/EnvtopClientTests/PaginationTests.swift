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
                var sizes: [Int] = []
                var ids: [String] = []
                var cursors: [String?] = []
                for try await page in client.allWork(environmentID: env, pageSize: 5) {
                    sizes.append(page.data.count)
                    ids += page.data.map(\.id)
                    cursors.append(page.nextPage)
                }
                #expect(sizes == [5, 5, 5, 5, 3])
                #expect(cursors.last! == nil)
                #expect(cursors.dropLast().allSatisfy { $0 != nil })
                let expected = await sim.items(environmentID: env)
                #expect(ids == expected.map(\.id))
                #expect((await sim.requestCounts()["GET /work"]) == 5)
            }
        }
    }

    @Test("items that change state and arrive during the walk neither repeat nor vanish")
    func walkWhileItemsChange() async throws {
        try await withQuietSimulator { sim in
            let env = sim.environmentIDs[0]
            let original = try await sim.enqueue(environmentID: env, count: 20)
            try await withClient(testConfiguration(sim.baseURL)) { client in
                var iterator = client.allWork(environmentID: env, pageSize: 6).makeAsyncIterator()
                var seen: [String: WorkItem] = [:]
                var duplicates = 0
                var pages = 0
                var stopped: Set<String> = []
                while let page = try await iterator.next() {
                    pages += 1
                    for item in page.data {
                        if seen.updateValue(item, forKey: item.id) != nil { duplicates += 1 }
                    }
                    // Between pages: new work arrives and an item not yet listed stops.
                    _ = try await sim.enqueue(environmentID: env, count: 4)
                    if let unseen = original.first(where: { seen[$0.id] == nil && !stopped.contains($0.id) }) {
                        stopped.insert(unseen.id)
                        _ = try await client.stopWork(environmentID: env, workID: unseen.id, mode: .force)
                    }
                    #expect(pages < 20, "the walk must end")
                    if pages >= 20 { break }
                }
                #expect(duplicates == 0)
                #expect(Set(original.map(\.id)).isSubset(of: Set(seen.keys)))
                #expect(!stopped.isEmpty)
                #expect(stopped.allSatisfy { seen[$0]?.state == .stopped })
            }
        }
    }

    @Test("allWorkItems gathers the pages; a failing page ends the walk with its error")
    func gatherAndFail() async throws {
        try await withQuietSimulator { sim in
            let env = sim.environmentIDs[0]
            _ = try await sim.enqueue(environmentID: env, count: 7)
            try await withClient(testConfiguration(sim.baseURL, retries: 0)) { client in
                let items = try await client.allWorkItems(environmentID: env, pageSize: 3)
                #expect(items.count == 7)
                #expect(Set(items.map(\.id)).count == 7)
                var faults = FaultSettings()
                faults.errorRates = [500: 1]
                var iterator = client.allWork(environmentID: env, pageSize: 3).makeAsyncIterator()
                _ = try await iterator.next()
                await sim.setFaults(faults)
                let error = await apiError { () async throws(APIError) in try await iterator.next() }
                #expect(error?.status == 500)
                #expect(try await iterator.next() == nil)
            }
        }
    }

    @Test("a server that repeats a cursor cannot make the walk loop forever")
    func repeatedCursor() async throws {
        let page = #"{"data":[\#(workItemJSON())],"next_page":"same"}"#
        try await withScriptedServer([.json(page)]) { server in
            try await withClient(testConfiguration(server.baseURL), credentials: TestKeys.both) { client in
                var pages = 0
                let error = await apiError { () async throws(APIError) in
                    for try await _ in client.allWork(environmentID: "env_1", pageSize: 1) { pages += 1 }
                }
                // The repeated cursor is caught before its page is handed out again.
                #expect(pages == 1)
                #expect(error == .decoding(endpoint: "GET /v1/environments/env_1/work", field: "next_page", message: "repeats an earlier cursor"))
            }
        }
    }
}
