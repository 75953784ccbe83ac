import EnvtopModels
import Foundation
import Testing

@testable import EnvtopSimulator

@Suite("Work list pagination")
struct WorkListTests {
    let t0 = WorkQueueFixture.t0

    func queue(items: Int = 0) -> WorkQueue { WorkQueueFixture.queue(items: items) }

    @Test("walking every page while items arrive and change state neither repeats nor skips an item")
    func stableWalk() throws {
        var q = queue(items: 45)
        var seen: [String] = []
        var page = try q.list(limit: 20, page: nil)
        var arrivals = 0
        while true {
            seen += page.data.map(\.id)
            // Between pages: new work arrives and older work moves on.
            arrivals += 1
            q.enqueue(workID: "work_new\(arrivals)", data: WorkData(id: "s"), metadata: [:], now: t0.addingTimeInterval(100))
            _ = q.poll(workerID: "w", reclaimAfter: 5, now: t0.addingTimeInterval(100))
            if let id = seen.last { _ = try? q.stop(id: id, force: true, now: t0.addingTimeInterval(100)) }
            guard let next = page.nextPage else { break }
            page = try q.list(limit: 20, page: next)
        }
        #expect(seen.count == 45)
        #expect(Set(seen).count == 45)
        #expect(seen == (0..<45).reversed().map { "work_\($0)" })  // newest first
    }

    @Test("limit defaults to 20, takes 1...1000 and refuses anything else with a 400")
    func limits() throws {
        let q = queue(items: 25)
        #expect(try q.list(limit: nil, page: nil).data.count == 20)
        #expect(try q.list(limit: 1000, page: nil).data.count == 25)
        #expect(try q.list(limit: 1000, page: nil).nextPage == nil)
        for bad in [0, -1, 1001] {
            do {
                _ = try q.list(limit: bad, page: nil)
                Issue.record("limit \(bad) was accepted")
            } catch { #expect(error.status == 400) }
        }
    }

    @Test("a page token the list did not make is a 400, not a silent first page")
    func badCursor() {
        let q = queue(items: 3)
        for token in ["garbage", ListCursor(before: 99).token, "dzE6LTE"] {
            do {
                _ = try q.list(limit: 2, page: token)
                Issue.record("cursor \(token) was accepted")
            } catch { #expect(error.status == 400 && error.type == "invalid_request_error") }
        }
    }

    @Test("the cursor is opaque base64url and survives a round trip")
    func cursorRoundTrip() {
        let cursor = ListCursor(before: 123_456)
        #expect(!cursor.token.contains("="))
        #expect(ListCursor(token: cursor.token) == cursor)
        #expect(ListCursor(token: "") == nil)
    }

    @Test("the last page's next_page is null")
    func lastPage() throws {
        let q = queue(items: 40)
        let first = try q.list(limit: 20, page: nil)
        let cursor = try #require(first.nextPage)
        let second = try q.list(limit: 20, page: cursor)
        #expect(second.data.count == 20 && second.nextPage == nil)
        #expect(second.data.last?.id == "work_0")
    }
}
