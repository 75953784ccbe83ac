import EnvtopCore
import EnvtopModels
import Foundation
import Testing

/// A page read again with the same bytes is not decoded or merged; it only notes its items as
/// seen. Everything the store does with a full merge (keep what the server has, drop what it
/// forgot, take what changed) must still happen.
@Suite("Unchanged pages")
struct UnchangedPageTests {
    typealias F = StateFixtures

    /// Answers as `HTTPWorkClient` does: a digest of the page's bytes, and `unchanged` when the
    /// request named that digest. Counts the answers of each kind.
    final class DigestServer {
        var pages: [[WorkItem]]
        var unchanged = 0
        var full = 0
        init(_ pages: [[WorkItem]]) { self.pages = pages }

        func answer(_ request: PageRequest) -> WorkPage {
            let data = request.index < pages.count ? pages[request.index] : []
            let next = request.index + 1 < pages.count ? "cursor_\(request.index + 1)" : nil
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let body = try! encoder.encode(WorkPage(data: data, nextPage: next))
            let digest = PageDigest(of: Array(body))
            if request.knownDigest == digest {
                unchanged += 1
                return .unchanged(digest)
            }
            full += 1
            return WorkPage(data: data, nextPage: next, digest: digest)
        }

        /// Runs one refresh cycle `seconds` after the state's clock.
        func refresh(_ s: inout AppState, after seconds: Double = 3, lastFirst: Bool = false) {
            let t = s.now.addingTimeInterval(seconds)
            run(&s, s.apply(.tick(t)), lastFirst: lastFirst)
        }

        /// Answers the effects in the order asked, or with `lastFirst` each batch from its end (a
        /// cycle's answers land in any order over HTTP).
        func run(_ s: inout AppState, _ effects: [Effect], lastFirst: Bool = false) {
            var queue = lastFirst ? effects.reversed() : effects
            while !queue.isEmpty {
                switch queue.removeFirst() {
                case .fetchStats(let env, let g):
                    queue += s.apply(.statsLoaded(environmentID: env, generation: g, .success(F.stats()), latency: 0.01, at: s.now))
                case .fetchPage(let request):
                    queue += s.apply(.pageLoaded(request, .success(answer(request)), at: s.now))
                default: break
                }
            }
        }
    }

    static func pages(_ count: Int, per: Int) -> [[WorkItem]] {
        let all = (0..<count).map { F.item($0, createdSecondsAgo: Double(100 + $0)) }
        return stride(from: 0, to: count, by: per).map { Array(all[$0..<min(count, $0 + per)]) }
    }

    @Test("an idle queue's refreshes come back unchanged, and sweep after sweep keeps every item")
    func idleKeepsEverything() {
        let server = DigestServer(Self.pages(20, per: 5))
        var s = F.state()
        server.run(&s, s.apply(.tick(F.t0)))
        #expect(server.full == 4)
        let revision = s.store.revision
        for _ in 0..<12 { server.refresh(&s) }  // three whole sweeps of four pages
        #expect(server.full == 4)
        #expect(server.unchanged > 12)
        #expect(s.store.count == 20)
        #expect(s.store.revision == revision)
        #expect(s.feed.changes.isEmpty)
        #expect(s.flash == nil)
    }

    @Test("many pages: an idle refresh neither lists again nor changes the store, sweep after sweep")
    func idleManyPages() {
        let server = DigestServer(Self.pages(200, per: 5))
        var s = F.state()
        server.run(&s, s.apply(.tick(F.t0)))
        let revision = s.store.revision
        let full = server.full
        for _ in 0..<100 { server.refresh(&s, after: 1) }  // two and a half sweeps of 40 pages
        #expect(server.full == full)
        #expect(s.store.count == 200)
        #expect(s.store.revision == revision)
    }

    @Test("answers that land last page first: the page read after a sweep ended counts for the next one, and no item is taken for gone")
    func lastPageFirstKeepsEverything() {
        // Seen live: page 0 landing after the last page was counted for the sweep that began
        // the next cycle, noted as seen a cycle before it, and its 200 items were dropped, then
        // came back as new.
        let server = DigestServer(Self.pages(25, per: 5))
        var s = F.state()
        server.run(&s, s.apply(.tick(F.t0)))
        let revision = s.store.revision
        let full = server.full
        for _ in 0..<40 { server.refresh(&s, after: 1, lastFirst: true) }  // four sweeps of five pages
        #expect(s.store.count == 25)
        #expect(s.store.revision == revision)
        #expect(server.full == full)
        #expect(s.feed.changes.isEmpty)
        #expect(server.unchanged > 40)
    }

    @Test("an item the server forgot is removed by a sweep whose other pages came back unchanged")
    func forgottenItemGoes() {
        let server = DigestServer(Self.pages(12, per: 4))
        var s = F.state()
        server.run(&s, s.apply(.tick(F.t0)))
        let forgotten = server.pages[2].remove(at: 1)
        var cycles = 0
        while s.store[forgotten.id] != nil, cycles < 10 {
            server.refresh(&s)
            cycles += 1
        }
        #expect(s.store[forgotten.id] == nil)
        #expect(s.store.count == 11)
        #expect(cycles <= 6)
        #expect(server.unchanged > 0)
    }

    @Test("a changed item comes back in full and is taken; its unchanged neighbours stay as they were")
    func changedItemTaken() {
        let server = DigestServer(Self.pages(12, per: 4))
        var s = F.state()
        server.run(&s, s.apply(.tick(F.t0)))
        server.refresh(&s)
        let target = server.pages[0][2]
        var stopped = target
        stopped.state = .stopped
        stopped.stoppedAt = s.now
        server.pages[0][2] = stopped
        let fullBefore = server.full
        server.refresh(&s)
        #expect(s.store[target.id]?.state == .stopped)
        #expect(server.full > fullBefore)
        #expect(s.feed.changes.mark(target.id) == .changed)
    }

    @Test("an unchanged answer the store cannot vouch for is asked for again, in full, in the same cycle")
    func unvouchedIsReadAgain() {
        let server = DigestServer(Self.pages(8, per: 4))
        var s = F.state()
        server.run(&s, s.apply(.tick(F.t0)))
        let effects = s.apply(.tick(s.now.addingTimeInterval(3)))
        let request = effects.compactMap { effect -> PageRequest? in
            if case .fetchPage(let r) = effect { return r } else { return nil }
        }.first!
        #expect(request.knownDigest != nil)
        // Bytes the store never merged for this page (as after a reset of its records).
        let again = s.apply(.pageLoaded(request, .success(.unchanged(PageDigest(length: 1, hash: 2))), at: s.now))
        let reread = again.compactMap { effect -> PageRequest? in
            if case .fetchPage(let r) = effect { return r } else { return nil }
        }
        #expect(reread.count == 1)
        #expect(reread.first?.index == request.index)
        #expect(reread.first?.knownDigest == nil)
        #expect(s.inFlight > 0)  // the cycle waits for that answer
        server.run(&s, again + effects.filter { if case .fetchPage(let r) = $0 { r != request } else { true } })
        #expect(s.inFlight == 0)
        #expect(s.store.count == 8)
    }

    @Test("the store vouches for a page only while it holds every item the page held")
    func storeVouches() {
        var store = WorkStore()
        let items = (0..<4).map { F.item($0) }
        let digest = PageDigest(length: 10, hash: 42)
        store.apply(page: WorkPage(data: items, nextPage: "c1", digest: digest), index: 0, generation: 1)
        #expect(store.digest(ofPage: 0) == digest)
        #expect(store.applyUnchanged(index: 0, digest: PageDigest(length: 10, hash: 43), generation: 2) == nil)
        let same = store.applyUnchanged(index: 0, digest: digest, generation: 2)
        #expect(same?.nextPage == "c1")
        #expect(store.ids(notSeenSince: 2).isEmpty)
        // Not the sweep's page: nothing is noted as seen, the cursor is still followed.
        #expect(store.applyUnchanged(index: 0, digest: digest, generation: 5, stamp: false)?.nextPage == "c1")
        #expect(store.ids(notSeenSince: 5).count == 4)
        store.remove([items[1].id])
        #expect(store.applyUnchanged(index: 0, digest: digest, generation: 3, stamp: false) == nil)
        #expect(store.applyUnchanged(index: 0, digest: digest, generation: 3) == nil)
        // A page merged without a digest (a client that cannot tell) leaves no record to trust.
        store.apply(page: WorkPage(data: items, nextPage: "c1"), index: 0, generation: 3)
        #expect(store.digest(ofPage: 0) == nil)
    }
}
