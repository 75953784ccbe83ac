import EnvtopCore
import EnvtopModels
import Foundation
import Testing

@Suite("Stats history: a ring of samples, trends and buckets")
struct StatsHistoryTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    static func sample(_ second: Double, depth: Int, pending: Int = 0, polling: Int? = 2, arrivals: Int = 0, completions: Int = 0,
                       oldest: Double? = nil) -> StatsHistory.Sample {
        let at = t0.addingTimeInterval(second)
        let stats = QueueStats(depth: depth, pending: pending, oldestQueuedAt: oldest.map { at.addingTimeInterval(-$0) }, workersPolling: polling)
        return StatsHistory.Sample(at: at, stats: stats, arrivals: arrivals, completions: completions)
    }

    @Test("an hour at the refresh rate fits; past capacity the oldest sample goes and memory stays constant")
    func ringWraps() {
        var history = StatsHistory(seconds: 3600, interval: 2)
        #expect(history.capacity == 1801)
        for i in 0..<history.capacity { history.append(Self.sample(Double(i) * 2, depth: i)) }
        #expect(history.count == history.capacity)
        let firstBefore = history[0]
        for i in 0..<500 { history.append(Self.sample(Double(history.capacity + i) * 2, depth: 7)) }
        #expect(history.count == history.capacity)  // constant after wrap
        #expect(history[0] != firstBefore)
        #expect(history[0].depth == 500)  // the 500 oldest went, in order
        #expect(history.latest?.depth == 7)
        #expect(history.samples.map(\.at) == history.samples.map(\.at).sorted())
    }

    @Test("the trend is the change of the last minute, per minute; nil with under 10 s of history")
    func trend() {
        var history = StatsHistory(interval: 2)
        history.append(Self.sample(0, depth: 3))
        history.append(Self.sample(8, depth: 4))
        #expect(history.trendPerMinute(.depth) == nil)
        for s in stride(from: 12.0, through: 60, by: 2) { history.append(Self.sample(s, depth: 3 + Int(s / 5))) }
        // 60 s: from 3 to 15 = +12/min.
        #expect(history.trendPerMinute(.depth) == 12)
        #expect(history.trendPerMinute(.queued) == 12)
    }

    @Test("arrivals and completions per minute come from the cumulative counts")
    func rates() {
        var history = StatsHistory(interval: 2)
        history.append(Self.sample(0, depth: 0, arrivals: 10, completions: 4))
        history.append(Self.sample(30, depth: 0, arrivals: 14, completions: 5))
        let rates = history.ratesPerMinute()
        #expect(rates?.arrivals == 8)
        #expect(rates?.completions == 2)
    }

    @Test("buckets are aligned to whole multiples, hold their largest value, and are nil without a sample")
    func buckets() {
        var history = StatsHistory(interval: 2)
        // t0 is a multiple of 10.
        history.append(Self.sample(1, depth: 2))
        history.append(Self.sample(3, depth: 9))  // same 10 s bucket: the burst is kept
        history.append(Self.sample(25, depth: 1))
        let b = history.buckets(.depth, count: 4, bucketSeconds: 10, now: Self.t0.addingTimeInterval(29))
        #expect(b == [nil, 9, nil, 1])
        // One more second later the window has not moved: the same cells.
        #expect(history.buckets(.depth, count: 4, bucketSeconds: 10, now: Self.t0.addingTimeInterval(29.9)) == b)
    }

    @Test("workers polling unknown is no value; no oldest item is 0 s waited")
    func missingValues() {
        var history = StatsHistory(interval: 2)
        history.append(Self.sample(0, depth: 0, polling: nil))
        #expect(StatsHistory.value(.workersPolling, history.latest!) == nil)
        #expect(StatsHistory.value(.oldestQueuedAge, history.latest!) == 0)
        #expect(history.latest == history.latest)  // NaN ages compare equal as samples
    }
}
