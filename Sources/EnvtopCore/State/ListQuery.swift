import EnvtopModels
import Foundation

/// Which items the list shows.
public enum StateFilter: Sendable, Hashable, CaseIterable {
    case all
    case needsAttention
    case state(WorkState)

    public static let allCases: [StateFilter] =
        [.all, .needsAttention] + WorkState.known.map { .state($0) }

    public var label: String {
        switch self {
        case .all: "all"
        case .needsAttention: "needs attention"
        case .state(let s): s.rawValue
        }
    }

    /// The key that picks it in the filter menu.
    public var menuKey: Character {
        switch self {
        case .all: "a"
        case .needsAttention: "!"
        case .state(.queued): "q"
        case .state(.starting): "s"
        case .state(.active): "c"
        case .state(.stopping): "p"
        case .state(.stopped): "x"
        case .state: "u"
        }
    }
}

/// How the list is ordered. `o` cycles through them.
public enum SortOrder: String, Sendable, Hashable, CaseIterable {
    case newest = "newest first"
    case oldest = "oldest first"
    case attention = "needs attention first"
    case state = "state"
    case heartbeat = "oldest heartbeat first"
    case timeInState = "longest in state first"

    public var next: SortOrder {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// Computes the visible, ordered list of ids from the store.
public enum ListQuery {
    public static func visibleIDs(
        store: WorkStore, filter: StateFilter, search: String, sort: SortOrder,
        attention: [String: Attention]
    ) -> [String] {
        let needle = search.lowercased()
        var ids: [String] = []
        ids.reserveCapacity(store.count)
        for (id, item) in store.byID {
            switch filter {
            case .all: break
            case .needsAttention: if attention[id] == nil { continue }
            case .state(let s): if item.state != s { continue }
            }
            if !needle.isEmpty && !store.matches(id, lowercasedNeedle: needle) { continue }
            ids.append(id)
        }
        let items = store.byID
        func created(_ id: String) -> Date { items[id]!.createdAt }
        switch sort {
        case .newest:
            ids.sort { (created($0), $0) > (created($1), $1) }
        case .oldest:
            ids.sort { (created($0), $0) < (created($1), $1) }
        case .attention:
            ids.sort {
                let a = attention[$0] != nil, b = attention[$1] != nil
                if a != b { return a }
                return (created($0), $0) > (created($1), $1)
            }
        case .state:
            ids.sort {
                let a = stateRank(items[$0]!.state), b = stateRank(items[$1]!.state)
                if a != b { return a < b }
                return (created($0), $0) > (created($1), $1)
            }
        case .heartbeat:
            ids.sort {
                let a = items[$0]!.latestHeartbeatAt ?? .distantFuture
                let b = items[$1]!.latestHeartbeatAt ?? .distantFuture
                return (a, $0) < (b, $1)
            }
        case .timeInState:
            ids.sort { (items[$0]!.stateEnteredAt, $0) < (items[$1]!.stateEnteredAt, $1) }
        }
        return ids
    }

    static func stateRank(_ state: WorkState) -> Int {
        switch state {
        case .stopping: 0
        case .active: 1
        case .starting: 2
        case .queued: 3
        case .unknown: 4
        case .stopped: 5
        }
    }
}
