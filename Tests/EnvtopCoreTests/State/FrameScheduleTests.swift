import EnvtopCore
import EnvtopUI
import EnvtopModels
import Foundation
import Testing

@Suite("Frame schedule")
struct FrameScheduleTests {
    typealias F = StateFixtures
    let start = ContinuousClock.now

    /// A loaded state with a refresh cycle out (stats and the first page asked for).
    func cycling() -> (AppState, [Effect]) {
        var s = F.loaded([F.item(1)])
        let effects = s.apply(.tick(F.t0.addingTimeInterval(60)))
        return (s, effects)
    }

    @Test("a cycle's tick and replies draw one frame, when the last reply lands")
    func oneFramePerCycle() {
        var (s, effects) = cycling()
        #expect(s.inFlight == 2)
        var schedule = FrameSchedule()
        let tick = Event.tick(F.t0.addingTimeInterval(60))
        #expect(schedule.decide(after: tick, state: s, now: start) == .wait(until: start + .milliseconds(100)))
        F.answer(&s, [effects.removeFirst()], pages: [[F.item(1)]])
        #expect(s.inFlight == 1)
        let stats = Event.statsLoaded(environmentID: F.env, generation: s.generation, .success(F.stats()), latency: 0, at: F.t0)
        #expect(schedule.decide(after: stats, state: s, now: start + .milliseconds(3)) == .wait(until: start + .milliseconds(100)))
        F.answer(&s, effects, pages: [[F.item(1)]])
        #expect(s.inFlight == 0)
        guard case .fetchPage(let request) = effects[0] else {
            Issue.record("expected a page fetch")
            return
        }
        let page = Event.pageLoaded(request, .success(WorkPage(data: [F.item(1)], nextPage: nil)), at: F.t0)
        #expect(schedule.decide(after: page, state: s, now: start + .milliseconds(5)) == .draw)
    }

    @Test("a slow cycle still draws the tick once the grace has passed")
    func slowCycleDrawsAfterGrace() {
        var (s, effects) = cycling()
        var schedule = FrameSchedule(grace: .milliseconds(100))
        let tick = Event.tick(F.t0)
        #expect(schedule.decide(after: tick, state: s, now: start) == .wait(until: start + .milliseconds(100)))
        #expect(!schedule.isDue(at: start + .milliseconds(99)))
        #expect(schedule.isDue(at: start + .milliseconds(100)))
        // The deadline stays that of the first change waiting, however many follow.
        F.answer(&s, [effects.removeFirst()], pages: [])
        let stats = Event.statsLoaded(environmentID: F.env, generation: s.generation, .success(F.stats()), latency: 0, at: F.t0)
        #expect(schedule.decide(after: stats, state: s, now: start + .milliseconds(50)) == .wait(until: start + .milliseconds(100)))
        #expect(schedule.decide(after: stats, state: s, now: start + .milliseconds(100)) == .draw)
        schedule.drawn()
        #expect(schedule.deadline == nil)
        #expect(!schedule.isDue(at: start + .seconds(5)))
    }

    @Test("a tick while an older cycle is still out (a hung API) draws at once")
    func tickDuringHungCycle() {
        var (s, _) = cycling()
        var schedule = FrameSchedule()
        #expect(schedule.decide(after: .tick(F.t0.addingTimeInterval(60)), state: s, now: start) != .draw)
        schedule.drawn()
        #expect(s.apply(.tick(F.t0.addingTimeInterval(61))).isEmpty)
        #expect(s.inFlight == 2)
        #expect(schedule.decide(after: .tick(F.t0.addingTimeInterval(61)), state: s, now: start + .seconds(1)) == .draw)
    }

    @Test("keys, clicks and resizes draw at once, even while a cycle is out")
    func operatorEventsDrawAtOnce() {
        let (s, _) = cycling()
        var schedule = FrameSchedule()
        _ = schedule.decide(after: .tick(F.t0), state: s, now: start)
        #expect(schedule.decide(after: .key(.down), state: s, now: start + .milliseconds(1)) == .draw)
        #expect(schedule.decide(after: .resize(Size(width: 100, height: 30)), state: s, now: start) == .draw)
        #expect(schedule.decide(after: .themeChanged("x"), state: s, now: start) == .draw)
    }

    @Test("with no cycle out, a tick draws at once (the clock moves every second)")
    func idleTickDraws() {
        var s = F.loaded([F.item(1)])
        #expect(s.apply(.tick(F.t0.addingTimeInterval(1))).isEmpty)
        #expect(s.inFlight == 0)
        var schedule = FrameSchedule()
        #expect(schedule.decide(after: .tick(F.t0.addingTimeInterval(1)), state: s, now: start) == .draw)
    }
}
