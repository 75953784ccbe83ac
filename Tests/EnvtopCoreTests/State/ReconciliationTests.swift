import EnvtopCore
import EnvtopUI
import EnvtopModels
import Foundation
import Testing

@Suite("The store mirrors the server")
struct ReconciliationTests {
    typealias F = StateFixtures

    /// Runs one refresh cycle `seconds` after the state's clock, answered with `pages`.
    static func refresh(_ s: inout AppState, after seconds: Double = 3, pages: [[WorkItem]]) {
        let t = s.now.addingTimeInterval(seconds)
        F.answer(&s, s.apply(.tick(t)), pages: pages)
    }

    @Test("after a restart with fewer items, one sweep removes every item the API no longer has, and says so")
    func restartShrinks() {
        var s = F.loaded((1...40).map { F.item($0) })
        #expect(s.store.count == 40)
        Self.refresh(&s, pages: [(1...10).map { F.item($0) }])
        #expect(s.store.count == 10)
        #expect(s.store.counts.total == 10)
        #expect(s.flash?.text.contains("30 of 40 items are gone") == true)
        // Gone rows stay one refresh, dimmed and uncounted, then leave.
        #expect(s.feed.changes.gone.count == 30)
        #expect(s.visibleIDs.count == 40)
        #expect(s.feed.changes.mark(F.item(20).id) == .gone)
        Self.refresh(&s, pages: [(1...10).map { F.item($0) }])
        #expect(s.visibleIDs.count == 10)
        #expect(s.feed.changes.isEmpty)
        #expect(s.feed.attention.keys.allSatisfy { s.store[$0] != nil })
    }

    @Test("an item shown as gone that comes back (listed, or read on its own) has one row, not two")
    func goneAndBack() {
        var s = F.loaded((1...3).map { F.item($0) })
        Self.refresh(&s, pages: [[F.item(1), F.item(2)]])
        #expect(s.isDeparted(ItemRef(environmentID: F.env, workID: F.item(3).id)))
        // Back in the next list, while that cycle's stats are still out: one row at once.
        let t = s.now.addingTimeInterval(3)
        var effects = s.apply(.tick(t))
        for case .fetchPage(let request) in effects {
            effects = s.apply(.pageLoaded(request, .success(WorkPage(data: (1...3).map { F.item($0) }, nextPage: nil)), at: t))
        }
        #expect(s.visibleIDs.filter { $0 == F.item(3).id }.count == 1)
        // Gone again, then read on its own (a stop's re-check): still one row.
        Self.refresh(&s, pages: [[F.item(1), F.item(2)]])
        Self.refresh(&s, pages: [[F.item(1), F.item(2)]])
        Self.refresh(&s, pages: [[F.item(1), F.item(2)]])
        _ = s.apply(.itemChecked(environmentID: F.env, workID: F.item(3).id, .success(F.item(3)), at: s.now))
        _ = s.apply(.key(.character("r")))
        #expect(s.visibleIDs.filter { $0 == F.item(3).id }.count <= 1)
    }

    @Test("with many pages, an item is removed only after a complete sweep has not returned it")
    func multiPageSweep() {
        var s = F.state()
        let all = (0..<12).map { F.item($0, createdSecondsAgo: Double(100 + $0)) }
        let pages = stride(from: 0, to: 12, by: 4).map { Array(all[$0..<$0 + 4]) }
        F.answer(&s, s.apply(.tick(F.t0)), pages: pages)
        #expect(s.store.count == 12)
        // Item 9 (on the last page) disappears from the server.
        var shrunk = pages
        shrunk[2].remove(at: 1)
        var cycles = 0
        while s.store[all[9].id] != nil, cycles < 10 {
            Self.refresh(&s, pages: shrunk)
            cycles += 1
        }
        #expect(s.store[all[9].id] == nil)
        #expect(s.store.count == 11)
        // Within two sweeps of three pages each (one sweep page per cycle).
        #expect(cycles <= 6)
    }

    @Test("an item the server still has is never removed, however the sweep and the screen pages interleave")
    func noFalseRemovals() {
        var s = F.state()
        let all = (0..<20).map { F.item($0, createdSecondsAgo: Double(100 + $0)) }
        let pages = stride(from: 0, to: 20, by: 5).map { Array(all[$0..<$0 + 5]) }
        F.answer(&s, s.apply(.tick(F.t0)), pages: pages)
        for _ in 0..<12 { Self.refresh(&s, pages: pages) }
        #expect(s.store.count == 20)
        #expect(s.feed.changes.isEmpty)
    }

    @Test("new and changed items are marked for one refresh, and the status line counts them")
    func changeMarks() {
        var s = F.loaded([F.item(1), F.item(2)])
        #expect(s.feed.changes.isEmpty)  // the first load marks nothing
        Self.refresh(&s, pages: [[F.item(3, createdSecondsAgo: 1), F.item(1), F.item(2, state: .stopping)]])
        #expect(s.feed.changes.mark(F.item(3).id) == .new)
        #expect(s.feed.changes.mark(F.item(2).id) == .changed)
        #expect(s.feed.changes.mark(F.item(1).id) == nil)
        let status = ViewFixtures.render(s).textLines[s.layout.status.y]
        #expect(status.contains("+1 new · 1 changed"))
        Self.refresh(&s, pages: [[F.item(3, createdSecondsAgo: 1), F.item(1), F.item(2, state: .stopping)]])
        #expect(s.feed.changes.isEmpty)
    }

    @Test("a 404 on the dialog's re-check removes the item at once and closes the dialog")
    func notFoundRemoves() {
        var s = F.loaded([F.item(1), F.item(2)])
        let id = s.selectedID!
        _ = s.apply(.key(.character("S")))
        let gone = APIError.http(status: 404, type: "not_found_error", message: "no such work", requestID: nil, details: nil)
        _ = s.apply(.itemChecked(environmentID: F.env, workID: id, .failure(gone), at: s.now))
        #expect(s.store[id] == nil)
        #expect(s.overlay == nil)
        #expect(!s.visibleIDs.contains(id))
        #expect(s.store.counts.total == 1)
    }

    @Test("a cycle that hangs past the stale limit marks the data stale before any request fails")
    func hangIsStale() {
        var s = F.loaded([F.item(1)])
        _ = s.apply(.tick(F.t0.addingTimeInterval(2)))  // a cycle starts and never answers
        #expect(s.inFlight > 0)
        _ = s.apply(.tick(F.t0.addingTimeInterval(4)))
        #expect(!s.connection.isStale)
        _ = s.apply(.tick(F.t0.addingTimeInterval(5.5)))
        #expect(s.connection.isStale)
    }

    @Test("while the API fails, retries come at most retryCap apart, so a returning API is seen within 5 s")
    func backoffIsCapped() {
        var s = F.loaded([F.item(1)])
        let down = APIError.transport("connection refused")
        var t = F.t0
        for _ in 0..<6 {
            t = s.nextRefreshAt.addingTimeInterval(0.01)
            let effects = s.apply(.tick(t))
            #expect(!effects.isEmpty)
            for effect in effects {
                switch effect {
                case .fetchStats(let env, let g):
                    _ = s.apply(.statsLoaded(environmentID: env, generation: g, .failure(down), latency: 0, at: t))
                case .fetchPage(let r): _ = s.apply(.pageLoaded(r, .failure(down), at: t))
                default: break
                }
            }
            #expect(s.nextRefreshAt.timeIntervalSince(t) <= 3.0001)
        }
        #expect(s.options.retryCap == 3)
    }
}

extension ReconciliationTests {
    @Test("a next_page cursor that points back at an earlier page ends the walk with a notice, and removes nothing")
    func cursorCycle() {
        var s = F.state()
        let first = (0..<3).map { F.item($0, createdSecondsAgo: Double(100 + $0)) }
        let second = (3..<6).map { F.item($0, createdSecondsAgo: Double(100 + $0)) }
        var queue = s.apply(.tick(F.t0))
        var pageRequests = 0
        while !queue.isEmpty, pageRequests < 50 {
            let effect = queue.removeFirst()
            switch effect {
            case .fetchStats(let env, let g):
                queue += s.apply(.statsLoaded(environmentID: env, generation: g, .success(F.stats()), latency: 0, at: s.now))
            case .fetchPage(let r):
                pageRequests += 1
                // Page 0 says "next: B", page 1 says "next: B" again: a cycle.
                let page = r.index == 0 ? WorkPage(data: first, nextPage: "B") : WorkPage(data: second, nextPage: "B")
                queue += s.apply(.pageLoaded(r, .success(page), at: s.now))
            default: break
            }
        }
        #expect(pageRequests == 2)
        #expect(s.store.count == 6)
        #expect(s.store.isFullyLoaded)
        #expect(s.flash?.text.contains("pagination repeats after page 2") == true)
    }
}
