import EnvtopCore
import EnvtopModels
import Foundation
import Testing

@Suite("Several environments: one feed each, items named by environment and id")
struct SeveralFeedsTests {
    typealias F = StateFixtures
    static let other = "env_other"

    /// Two environments holding an item with the same id (ids are unique only per environment).
    static func twoFeeds() -> AppState {
        var s = AppState(
            options: .init(environments: [WatchedEnvironment(id: F.env), WatchedEnvironment(id: other)], refreshInterval: 2),
            size: Size(width: 120, height: 40), now: F.t0)
        var twin = F.item(1, createdSecondsAgo: 50)
        twin.environmentID = other
        let effects = s.apply(.tick(F.t0))
        var queue = effects
        while !queue.isEmpty {
            switch queue.removeFirst() {
            case .fetchStats(let env, let g):
                queue += s.apply(.statsLoaded(environmentID: env, generation: g, .success(F.stats()), latency: 0, at: F.t0))
            case .fetchPage(let r):
                let data = r.environmentID == F.env ? [F.item(1, createdSecondsAgo: 100), F.item(2)] : [twin]
                queue += s.apply(.pageLoaded(r, .success(WorkPage(data: data, nextPage: nil)), at: F.t0))
            default: break
            }
        }
        return s
    }

    @Test("each feed refreshes on its own: one tick starts a cycle per environment")
    func cyclePerFeed() {
        var s = AppState(
            options: .init(environments: [WatchedEnvironment(id: F.env), WatchedEnvironment(id: Self.other)]),
            size: Size(width: 120, height: 40), now: F.t0)
        let effects = s.apply(.tick(F.t0))
        #expect(effects.contains(.fetchStats(environmentID: F.env, generation: 1)))
        #expect(effects.contains(.fetchStats(environmentID: Self.other, generation: 1)))
    }

    @Test("the merged list holds both twins; the stop goes to the environment of the row selected")
    func stopReachesTheSelectedEnvironment() {
        var s = Self.twoFeeds()
        #expect(s.totalItems == 3)
        #expect(s.visible.count == 3)
        // Newest first: the other environment's twin (50 s old) is on top.
        #expect(s.selected == ItemRef(environmentID: Self.other, workID: F.item(1).id))
        _ = s.apply(.key(.character("S")))
        let effects = s.apply(.key(.character("y")))
        #expect(effects == [.stop(environmentID: Self.other, workID: F.item(1).id, mode: .force)])
        // The twin in the first environment is not in flight: it can still be stopped.
        #expect(s.stopsInFlight.keys.map(\.environmentID) == [Self.other])
    }

    @Test("a failing environment keeps its last data and never blocks the other one's refresh")
    func deadFeedDoesNotBlock() {
        var s = Self.twoFeeds()
        let t1 = F.t0.addingTimeInterval(3)
        let effects = s.apply(.tick(t1))
        let down = APIError.transport("connection refused")
        for effect in effects {
            switch effect {
            case .fetchStats(let env, let g) where env == Self.other:
                _ = s.apply(.statsLoaded(environmentID: env, generation: g, .failure(down), latency: 0, at: t1))
            case .fetchPage(let r) where r.environmentID == Self.other:
                _ = s.apply(.pageLoaded(r, .failure(down), at: t1))
            case .fetchStats(let env, let g):
                _ = s.apply(.statsLoaded(environmentID: env, generation: g, .success(F.stats()), latency: 0, at: t1))
            case .fetchPage(let r):
                let data = [F.item(1, createdSecondsAgo: 100), F.item(2), F.item(3, createdSecondsAgo: 1)]
                _ = s.apply(.pageLoaded(r, .success(WorkPage(data: data, nextPage: nil)), at: t1))
            default: break
            }
        }
        #expect(s.environmentFeed(Self.other)?.connection.isStale == true)
        #expect(s.environmentFeed(F.env)?.connection.isStale == false)
        #expect(s.totalItems == 4)
        #expect(s.visible.contains(ItemRef(environmentID: F.env, workID: F.item(3).id)))
        #expect(s.visible.contains(ItemRef(environmentID: Self.other, workID: F.item(1).id)))
    }

    @Test("the rows keep each one's environment, in order, and a narrowing search keeps them")
    func rowsKeepTheirEnvironment() {
        var s = Self.twoFeeds()
        #expect(Array(s.visible) == [
            ItemRef(environmentID: Self.other, workID: F.item(1).id),
            ItemRef(environmentID: F.env, workID: F.item(1).id),
            ItemRef(environmentID: F.env, workID: F.item(2).id),
        ])
        _ = s.apply(.key(.character("/")))
        for c in F.item(1).id { _ = s.apply(.key(.character(c))) }
        #expect(Array(s.visible) == [
            ItemRef(environmentID: Self.other, workID: F.item(1).id),
            ItemRef(environmentID: F.env, workID: F.item(1).id),
        ])
    }
}
