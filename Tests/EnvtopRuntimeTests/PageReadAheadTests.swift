import EnvtopCore
import EnvtopModels
import EnvtopTesting
import Foundation
import Testing

@testable import EnvtopRuntime

/// The first load's next page is requested while the page before it is merged, and never twice.
@Suite("Reading the next page ahead")
struct PageReadAheadTests {
    @Test("a walk over 7 pages asks for each page once, in order, and leaves nothing read ahead behind")
    func eachPageOnce() async throws {
        let api = FakeDashboardAPI(items: FakeWork.items(1...130))
        var state = AppState(options: .init(environmentID: FakeWork.environmentID, pageSize: 20), size: Size(width: 120, height: 40), now: Date())
        let runner = EffectRunner(api: api)
        var themes = ThemeRing(themes: [])
        // Drive the effects as the dashboard does: each page's answer goes through the reducer,
        // which then asks for the next page, which the runner already has under way.
        var queue = state.apply(.tick(Date()))
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            guard case .call(let call) = runner.plan(effect, themes: &themes) else { continue }
            queue += state.apply(await call())
        }
        #expect(state.store.count == 130)
        let pages = await api.calls(to: .listWork).map { call -> String? in
            guard case .listWork(_, _, let page) = call else { return "?" }
            return page
        }
        #expect(pages == [nil] + (1...6).map { "page_\($0 * 20)" })
        #expect(runner.readAhead.count == 0)
    }

    @Test("an answer read ahead for one refresh cycle is never handed to another")
    func otherCycleNotTaken() async throws {
        let readAhead = PageReadAhead()
        let request = PageRequest(environmentID: "env_a", index: 1, cursor: "c1", limit: 20, generation: 1, readAhead: true)
        readAhead.start(request) { .success(WorkPage(data: [], nextPage: nil)) }
        var later = request
        later.generation = 2
        #expect(readAhead.take(later) == nil)
        #expect(readAhead.count == 1)
        // A read-ahead of the new cycle drops the old one nobody took.
        readAhead.start(later) { .success(WorkPage(data: [], nextPage: nil)) }
        #expect(readAhead.count == 1)
        #expect(readAhead.take(request) == nil)
        let taken = try #require(readAhead.take(later))
        #expect(await taken.value == .success(WorkPage(data: [], nextPage: nil)))
        #expect(readAhead.take(later) == nil)
    }
}
