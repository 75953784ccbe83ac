import EnvtopCore
import EnvtopModels
import EnvtopUI
import Foundation
import Testing

/// A page whose client left out unreadable items: the good items are listed, and the operator is
/// told once (not at every refresh) which item could not be read.
@Suite("Unreadable items on a page")
struct UnreadableItemsTests {
    typealias F = StateFixtures

    @Test("the good items are listed; the notice names the first bad one, once")
    func toldOnce() {
        var s = F.state()
        let page = WorkPage(data: [F.item(1), F.item(2)], nextPage: nil, unreadable: ["data[1] (work_x): state: expected a string"])
        for (n, effect) in s.apply(.tick(F.t0)).enumerated() {
            switch effect {
            case .fetchStats(let env, let generation):
                _ = s.apply(.statsLoaded(environmentID: env, generation: generation, .success(F.stats()), latency: 0.01, at: F.t0))
            case .fetchPage(let request):
                _ = s.apply(.pageLoaded(request, .success(page), at: F.t0))
            default:
                Issue.record("unexpected effect \(n): \(effect)")
            }
        }
        #expect(s.visible.count == 2)
        let text = NoticeWording.text(s.flash!.notice)
        #expect(text == "1 item on page 1 of env_test could not be read and is left out (data[1] (work_x): state: expected a string); the others are shown")
        // The next refresh reads the same page: nothing new to say.
        _ = s.apply(.key(.character("o")))
        let effects = s.apply(.tick(F.t0.addingTimeInterval(3)))
        for case .fetchPage(let request) in effects { _ = s.apply(.pageLoaded(request, .success(page), at: F.t0.addingTimeInterval(3))) }
        if case .unreadableItems = s.flash?.notice { Issue.record("said again") }
    }
}
