import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One environment's queue stats over the session, for the header's sparklines and trends and
/// the history chart.
///
/// A ring buffer of fixed capacity (an hour at the refresh rate, at least): once full, each new
/// sample replaces the oldest, so memory stays constant however long envtop runs.
public struct StatsHistory: Sendable, Equatable {
    /// One completed refresh cycle's view of the queue: 32 bytes.
    public struct Sample: Sendable, Equatable {
        public var at: Date
        public var depth: Int32
        public var pending: Int32
        /// -1 when the server could not tell.
        public var workersPolling: Int32
        /// Seconds the oldest queued item had waited; NaN when nothing was queued.
        public var oldestQueuedAge: Float
        /// Items first seen, and items seen reaching `stopped`, since the session began.
        public var arrivals: UInt32
        public var completions: UInt32

        public init(at: Date, stats: QueueStats, arrivals: Int, completions: Int) {
            self.at = at
            depth = Int32(clamping: stats.depth)
            pending = Int32(clamping: stats.pending)
            workersPolling = Int32(clamping: stats.workersPolling ?? -1)
            oldestQueuedAge = stats.oldestQueuedAt.map { Float(max(0, at.timeIntervalSince($0))) } ?? .nan
            self.arrivals = UInt32(clamping: arrivals)
            self.completions = UInt32(clamping: completions)
        }

        /// What the stats say is waiting: not yet polled plus polled and not acknowledged.
        public var queued: Int { Int(depth) + Int(pending) }

        /// NaN is never equal to itself; two samples with no oldest item are the same sample.
        public static func == (a: Sample, b: Sample) -> Bool {
            a.at == b.at && a.depth == b.depth && a.pending == b.pending && a.workersPolling == b.workersPolling
                && a.arrivals == b.arrivals && a.completions == b.completions
                && (a.oldestQueuedAge == b.oldestQueuedAge || (a.oldestQueuedAge.isNaN && b.oldestQueuedAge.isNaN))
        }
    }

    /// A series the header and the chart can draw.
    public enum Series: String, Sendable, CaseIterable {
        case queued, depth, pending, workersPolling, oldestQueuedAge
    }

    public let capacity: Int
    private var ring: [Sample] = []
    /// Where the next sample goes once the ring is full.
    private var next = 0

    /// Room for `seconds` of history at one sample every `interval` seconds.
    public init(seconds: Double = 3600, interval: Double) {
        capacity = max(60, Int((seconds / max(0.1, interval)).rounded(.up)) + 1)
    }

    public var count: Int { ring.count }
    public var isEmpty: Bool { ring.isEmpty }

    public mutating func append(_ sample: Sample) {
        if ring.count < capacity {
            ring.reserveCapacity(capacity)
            ring.append(sample)
        } else {
            ring[next] = sample
            next = (next + 1) % capacity
        }
    }

    /// The samples, oldest first.
    public var samples: [Sample] { (0..<count).map { self[$0] } }

    /// The `i`-th sample kept, oldest first, without copying the ring.
    public subscript(i: Int) -> Sample { ring.count < capacity ? ring[i] : ring[(next + i) % capacity] }

    public var latest: Sample? {
        guard !ring.isEmpty else { return nil }
        return ring.count < capacity ? ring.last : ring[(next + capacity - 1) % capacity]
    }

    /// The newest sample at least `seconds` older than the latest (or the oldest one kept).
    public func sample(secondsBeforeLatest seconds: Double) -> Sample? {
        guard let latest else { return nil }
        let cutoff = latest.at.addingTimeInterval(-seconds)
        for i in stride(from: count - 1, through: 0, by: -1) where self[i].at <= cutoff { return self[i] }
        return self[0]
    }

    /// How much `series` changed per minute over the last minute (over what is kept, when that
    /// is less but at least 10 s), or nil without enough history to say.
    public func trendPerMinute(_ series: Series, over seconds: Double = 60) -> Double? {
        guard let latest, let earlier = sample(secondsBeforeLatest: seconds) else { return nil }
        let span = latest.at.timeIntervalSince(earlier.at)
        guard span >= min(10, seconds), let now = Self.value(series, latest), let then = Self.value(series, earlier) else {
            return nil
        }
        return (now - then) * 60 / span
    }

    /// Arrivals and completions per minute over the last minute (or what is kept, from 10 s on).
    public func ratesPerMinute(over seconds: Double = 60) -> (arrivals: Double, completions: Double)? {
        guard let latest, let earlier = sample(secondsBeforeLatest: seconds) else { return nil }
        let span = latest.at.timeIntervalSince(earlier.at)
        guard span >= min(10, seconds) else { return nil }
        let arrivals = Double(latest.arrivals) - Double(earlier.arrivals)
        let completions = Double(latest.completions) - Double(earlier.completions)
        return (max(0, arrivals) * 60 / span, max(0, completions) * 60 / span)
    }

    /// The value of `series` in a sample; nil where the server did not say.
    public static func value(_ series: Series, _ sample: Sample) -> Double? {
        switch series {
        case .queued: Double(sample.queued)
        case .depth: Double(sample.depth)
        case .pending: Double(sample.pending)
        case .workersPolling: sample.workersPolling < 0 ? nil : Double(sample.workersPolling)
        case .oldestQueuedAge: sample.oldestQueuedAge.isNaN ? 0 : Double(sample.oldestQueuedAge)
        }
    }

    /// `series` in `buckets` buckets of `bucketSeconds` each, ending with the bucket that holds
    /// `now`; each bucket holds its largest value (a burst is never averaged away), nil where no
    /// sample fell. Buckets are aligned to whole multiples of `bucketSeconds`, so a series that
    /// does not change draws the same cells from one refresh to the next.
    public func buckets(_ series: Series, count buckets: Int, bucketSeconds: Double, now: Date) -> [Double?] {
        guard buckets > 0, bucketSeconds > 0 else { return [] }
        let last = (now.timeIntervalSince1970 / bucketSeconds).rounded(.down)
        let first = last - Double(buckets - 1)
        var result = [Double?](repeating: nil, count: buckets)
        // Newest first, stopping at the first sample before the window: a frame reads only what it draws.
        for i in stride(from: count - 1, through: 0, by: -1) {
            let sample = self[i]
            let slot = (sample.at.timeIntervalSince1970 / bucketSeconds).rounded(.down) - first
            if slot < 0 { break }
            guard slot < Double(buckets), let value = Self.value(series, sample) else { continue }
            let i = Int(slot)
            result[i] = max(result[i] ?? value, value)
        }
        return result
    }
}
