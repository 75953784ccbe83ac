import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How many items each filter would show under the active search: the filter menu's numbers,
/// so "stopping 3" means three rows appear when it is chosen.
public struct FilterCounts: Sendable, Equatable {
    public var total = 0
    public var attention = 0
    public var byState = StateCounts()

    public init() {}

    /// The count for one filter.
    public subscript(filter: StateFilter) -> Int {
        switch filter {
        case .all: total
        case .needsAttention: attention
        case .state(let s): byState[s]
        }
    }

    /// Counts the items of the feeds at `only` (all when nil) that pass `query` at `now`.
    public static func of(
        feeds: [Feed], only: [Int]?, environments: [WatchedEnvironment], query: SearchQuery, now: Date
    ) -> FilterCounts {
        var counts = FilterCounts()
        for (index, feed) in feeds.enumerated() where only?.contains(index) ?? true {
            if index < environments.count, !query.admits(environments[index]) { continue }
            for (id, item) in feed.store.byID where query.matches(item, in: feed, now: now) {
                counts.total += 1
                counts.byState.add(item.state, 1)
                if feed.attention[id] != nil { counts.attention += 1 }
            }
        }
        return counts
    }
}
