import EnvtopCore
import EnvtopModels
import Foundation
import Testing

@Suite("Runbook rules: each fires after its threshold, clears after one good refresh, never flickers")
struct RuleTrackerTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    /// Feeds `samples` (second, stats) one refresh at a time; returns what fired at each.
    static func run(_ samples: [(Double, QueueStats)], thresholds: RunbookThresholds = RunbookThresholds())
        -> (tracker: RuleTracker, fired: [[QueueRule]], firing: [[QueueRule]])
    {
        var history = StatsHistory(interval: 2)
        var tracker = RuleTracker()
        var fired: [[QueueRule]] = []
        var firing: [[QueueRule]] = []
        for (second, stats) in samples {
            history.append(StatsHistory.Sample(at: t0.addingTimeInterval(second), stats: stats, arrivals: 0, completions: 0))
            fired.append(tracker.evaluate(history, thresholds: thresholds))
            firing.append(tracker.firing.map(\.rule))
        }
        return (tracker, fired, firing)
    }

    static func stats(depth: Int = 0, pending: Int = 0, polling: Int? = 2, oldest: Double? = nil, at second: Double = 0) -> QueueStats {
        QueueStats(depth: depth, pending: pending, oldestQueuedAt: oldest.map { t0.addingTimeInterval(second - $0) }, workersPolling: polling)
    }

    @Test("stalled claim: pending > 0 fires once it has held 30 s, not before, and the bell list names it once")
    func stalledClaimFiresAfterThreshold() {
        let samples = stride(from: 0.0, through: 40, by: 2).map { ($0, Self.stats(depth: 0, pending: 1)) }
        let (_, fired, firing) = Self.run(samples)
        // Second 30 is the 16th sample (index 15): held 30 s.
        #expect(firing[14].isEmpty)
        #expect(firing[15] == [.stalledClaim])
        #expect(fired.flatMap { $0 } == [.stalledClaim])
    }

    @Test("a pending value that comes and goes faster than the threshold never fires")
    func noFlickerOnPending() {
        let samples = stride(from: 0.0, through: 300, by: 2).map { s in (s, Self.stats(pending: Int(s) % 8 < 4 ? 1 : 0)) }
        let (_, fired, firing) = Self.run(samples)
        #expect(fired.allSatisfy { $0.isEmpty })
        #expect(firing.allSatisfy { $0.isEmpty })
    }

    @Test("a failing rule clears only after the good state held for one refresh; one good sample is not enough")
    func clearsAfterOneGoodRefresh() {
        var samples = stride(from: 0.0, through: 40, by: 2).map { ($0, Self.stats(pending: 1)) }
        samples.append((42, Self.stats(pending: 0)))
        samples.append((44, Self.stats(pending: 1)))  // back at once: still the same failure, no new bell
        samples.append((46, Self.stats(pending: 0)))
        samples.append((48, Self.stats(pending: 0)))
        let (_, fired, firing) = Self.run(samples)
        #expect(firing[samples.count - 4] == [.stalledClaim])  // one good sample
        #expect(firing[samples.count - 3] == [.stalledClaim])
        #expect(firing[samples.count - 2] == [.stalledClaim])  // one good sample again
        #expect(firing[samples.count - 1].isEmpty)  // good for a whole refresh: cleared
        #expect(fired.flatMap { $0 } == [.stalledClaim])
    }

    @Test("no workers: workers polling 0 while depth > 0 fires at once; an empty queue without workers is fine")
    func noWorkers() {
        #expect(Self.run([(0, Self.stats(depth: 3, polling: 0))]).firing[0] == [.noWorkers])
        #expect(Self.run([(0, Self.stats(depth: 0, polling: 0))]).firing[0].isEmpty)
        #expect(Self.run([(0, Self.stats(depth: 3, polling: nil))]).firing[0].isEmpty)  // unknown is not zero
    }

    @Test("backlog age: fires once the oldest item waited past 5 min, with the time it crossed as since")
    func backlogAge() {
        let under = Self.run([(0, Self.stats(depth: 1, oldest: 299))])
        #expect(under.firing[0].isEmpty)
        let over = Self.run([(0, Self.stats(depth: 1, oldest: 320))])
        #expect(over.firing[0] == [.backlogAge])
        #expect(over.tracker.firing.first?.since == Self.t0.addingTimeInterval(-20))
    }

    @Test("backlog growing: a depth that rose over 3 min without falling back fires; a burst that drained does not")
    func backlogGrowing() {
        let rising = stride(from: 0.0, through: 180, by: 2).map { ($0, Self.stats(depth: 2 + Int($0 / 20))) }
        let r = Self.run(rising)
        #expect(r.firing[r.firing.count - 2].isEmpty)  // 178 s: not 3 min yet
        #expect(r.firing.last == [.backlogGrowing])
        // The bursty shape: 15 arrive, drain, and a few trickle in: ends higher than it started but dipped below.
        let bursty = stride(from: 0.0, through: 180, by: 2).map { s -> (Double, QueueStats) in
            let depth = s < 40 ? 1 : (s < 60 ? 15 : (s < 100 ? 0 : 3))
            return (s, Self.stats(depth: depth))
        }
        #expect(Self.run(bursty).fired.allSatisfy { $0.isEmpty })
    }

    @Test("thresholds come from the config: a 10 s stalled claim fires at 10 s")
    func configuredThreshold() {
        var t = RunbookThresholds()
        t.stalledClaimSeconds = 10
        let samples = stride(from: 0.0, through: 12, by: 2).map { ($0, Self.stats(pending: 1)) }
        let (_, _, firing) = Self.run(samples, thresholds: t)
        #expect(firing[4].isEmpty)
        #expect(firing[5] == [.stalledClaim])
    }
}
