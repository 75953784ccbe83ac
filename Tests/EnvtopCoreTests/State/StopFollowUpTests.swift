import EnvtopCore
import EnvtopModels
import Foundation
import Testing

@Suite("Stops followed: overdue drains and completions said once; the cursor moves on in the attention sort")
struct StopFollowUpTests {
    typealias F = StateFixtures

    @Test("a graceful stop still stopping past the drain deadline is announced once; its end is announced once")
    func followUp() throws {
        var items = [F.item(1, heartbeatSecondsAgo: 5), F.item(2, heartbeatSecondsAgo: 5)]
        var s = F.loaded(items)
        let ref = try #require(s.selected)
        _ = s.apply(.key(.character("s")))
        _ = s.apply(.key(.character("y")))
        #expect(s.followed[ref]?.mode == .graceful)
        var stopping = try #require(s.item(ref))
        stopping.state = .stopping
        stopping.stopRequestedAt = F.t0
        let i = items.firstIndex { $0.id == ref.workID }!
        items[i] = stopping
        // The answer asks for a refresh: the API lists it stopping.
        F.answer(&s, s.apply(.stopFinished(environmentID: ref.environmentID, workID: ref.workID, mode: .graceful, .success(stopping), at: F.t0)), pages: [items])
        // 20 s later: within the drain time, nothing said.
        F.answer(&s, s.apply(.tick(F.t0.addingTimeInterval(20))), pages: [items])
        #expect(s.flash?.notice != .followedOverdue(workID: ref.workID, after: 20))
        // 40 s later: overdue, said once.
        F.answer(&s, s.apply(.tick(F.t0.addingTimeInterval(40))), pages: [items])
        guard case .followedOverdue(let id, _, _) = s.flash?.notice else { Issue.record("no overdue notice: \(String(describing: s.flash?.notice))"); return }
        #expect(id == ref.workID)
        _ = s.apply(.key(.character("o")))  // another notice replaces it
        F.answer(&s, s.apply(.tick(F.t0.addingTimeInterval(44))), pages: [items])
        if case .followedOverdue = s.flash?.notice { Issue.record("the overdue notice came twice") }
        // It ends: said once.
        items[i].state = .stopped
        items[i].stoppedAt = F.t0.addingTimeInterval(50)
        F.answer(&s, s.apply(.tick(F.t0.addingTimeInterval(50))), pages: [items])
        guard case .followedStopped(let done, _) = s.flash?.notice else { Issue.record("no stopped notice: \(String(describing: s.flash?.notice)) \(String(describing: s.item(ref)?.state))"); return }
        #expect(done == ref.workID)
        _ = s.apply(.key(.character("L")))
        #expect(s.overlay == .stops(StopsPanel()))
        #expect(s.followedStops.map(\.state) == [.stopped])
    }

    @Test("in the attention-first sort, after a stop the cursor stays on its row: the next flagged item")
    func cursorMovesOn() throws {
        let items = [F.item(1, heartbeatSecondsAgo: 600), F.item(2, heartbeatSecondsAgo: 500), F.item(3, heartbeatSecondsAgo: 5)]
        var s = F.loaded(items)
        while s.sort != .attention { _ = s.apply(.key(.character("o"))) }
        let first = try #require(s.selected)
        let second = s.visible[1]
        _ = s.apply(.key(.character("S")))
        _ = s.apply(.key(.character("y")))
        var stopped = try #require(s.item(first))
        stopped.state = .stopped
        stopped.stoppedAt = F.t0
        _ = s.apply(.stopFinished(environmentID: first.environmentID, workID: first.workID, mode: .force, .success(stopped), at: F.t0))
        #expect(s.selected == second)
        #expect(s.selectedIndex == 0)
    }
}
