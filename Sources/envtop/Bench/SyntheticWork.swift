import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A deterministic environment of `count` work items, served as list pages, for measuring the
/// dashboard at scale without a network: the same item mix for every run of `bench-render`.
///
/// The mix looks like a real queue's history: mostly finished sessions, a band of active ones
/// with fresh heartbeats, and a few queued, starting and stopping items (some of them stuck, so
/// the attention rules have work to do). Newest first, as the API lists them.
struct SyntheticWork {
    let environmentID: String
    let items: [WorkItem]
    let pageSize: Int
    /// The moment the items' times are relative to.
    let now: Date
    /// The stats the API would answer for these items, worked out once: counting 100,000 items
    /// at every stats call was the benchmark's own cost, inside the refresh cycles it times.
    let stats: QueueStats

    init(count: Int, pageSize: Int, now: Date, environmentID: String = "env_bench0000000000000000000") {
        self.environmentID = environmentID
        self.now = now
        self.pageSize = max(1, pageSize)
        let items = (0..<max(0, count)).map { Self.item($0, environmentID: environmentID, now: now) }
        self.items = items
        let queued = items.filter { $0.state == .queued }
        self.stats = QueueStats(depth: queued.count, pending: 0, oldestQueuedAt: queued.last?.createdAt, workersPolling: 4)
    }

    var pageCount: Int { max(1, (items.count + pageSize - 1) / pageSize) }

    /// Page `index` of the list; `next_page` is an opaque cursor naming the page after it.
    /// With the digest the request named, the answer is `unchanged`, as `HTTPWorkClient` answers
    /// a body it was told it has: the synthetic pages never change, so each page's digest is a
    /// token of its index and size (the client's hashing of the bytes is not the reducer's work).
    func page(_ index: Int, known: PageDigest? = nil) -> WorkPage {
        let start = min(items.count, index * pageSize)
        let end = min(items.count, start + pageSize)
        let digest = PageDigest(length: end - start, hash: index)
        if known == digest { return .unchanged(digest) }
        return WorkPage(
            data: Array(items[start..<end]), nextPage: end < items.count ? "cursor-\(index + 1)" : nil, digest: digest)
    }

    static func item(_ n: Int, environmentID: String, now: Date) -> WorkItem {
        let created = now.addingTimeInterval(-Double(n) * 3 - 1)
        let digits = String(n)
        let suffix = String(repeating: "0", count: max(0, 20 - digits.count)) + digits
        let state: WorkState
        switch n % 100 {
        case 0..<3: state = .queued
        case 3..<5: state = .starting
        case 5..<25: state = .active
        case 25..<27: state = .stopping
        default: state = .stopped
        }
        var item = WorkItem(
            id: "work_bench" + suffix, environmentID: environmentID, state: state,
            data: WorkData(id: "session_bench" + suffix),
            metadata: ["repo": "acme/web-\(n % 50)", "job": "build-\(n % 997)", "run": String(n)],
            createdAt: created)
        if state != .queued { item.acknowledgedAt = created.addingTimeInterval(1) }
        if state != .queued && state != .starting {
            item.startedAt = created.addingTimeInterval(2)
            // One active item in ten has gone quiet: its worker is dead.
            let beatAge = n % 10 == 7 ? 600.0 : Double(n % 20)
            item.latestHeartbeatAt = max(item.startedAt!, now.addingTimeInterval(-beatAge))
        }
        if state == .stopping || state == .stopped { item.stopRequestedAt = created.addingTimeInterval(3) }
        if state == .stopped { item.stoppedAt = created.addingTimeInterval(4) }
        return item
    }
}
