import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the search line asks for: free words and qualifiers (`state:stopping`, `hb>60s`,
/// `meta.team:infra`, …), every term must hold, `-` negates one. Parsed once per keystroke
/// (`SearchQuery.parse`), then matched against every item without re-reading the text.
public struct SearchQuery: Sendable, Equatable {
    public var terms: [Term] = []

    public init(terms: [Term] = []) { self.terms = terms }

    public static let empty = SearchQuery()

    public var isEmpty: Bool { terms.isEmpty }

    /// One term of the query; `negated` for a leading `-`.
    public struct Term: Sendable, Equatable {
        public var negated: Bool
        public var condition: Condition

        public init(negated: Bool = false, _ condition: Condition) {
            self.negated = negated
            self.condition = condition
        }
    }

    /// What one term tests.
    public enum Condition: Sendable, Equatable {
        /// Free text: a substring of the id, session, state or `key=value` metadata (lowercased UTF-8).
        case text([UInt8])
        case state(WorkState)
        /// The environment's id, name, label or profile contains it (lowercased).
        case environment(String)
        /// Seconds since the last heartbeat; an item that never beat has no heartbeat age.
        case heartbeat(Comparison)
        /// `hb:none`: never heartbeated.
        case noHeartbeat
        /// Seconds since the item was created.
        case age(Comparison)
        /// Seconds in its current state.
        case inState(Comparison)
        /// `meta.key:value` (the value contains it, lowercased) or `meta.key:*` (the key is set).
        case metadata(key: String, value: String?)
        /// The session id contains it (lowercased).
        case session(String)
        /// `attention:any`, or one reason by its `Attention.queryName`.
        case attention(String?)
    }

    /// `>`, `>=`, `<` or `<=` a number of seconds.
    public struct Comparison: Sendable, Equatable {
        public enum Operator: String, Sendable, Equatable, CaseIterable {
            case greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<="
        }

        public var op: Operator
        public var seconds: Double

        public init(_ op: Operator, _ seconds: Double) {
            self.op = op
            self.seconds = seconds
        }

        public func holds(_ value: Double) -> Bool {
            switch op {
            case .greater: value > seconds
            case .greaterOrEqual: value >= seconds
            case .less: value < seconds
            case .lessOrEqual: value <= seconds
            }
        }
    }

    /// True when a term compares an age with the clock (`hb:`, `age:`, `in:`): what it admits
    /// changes as time passes, with no new data.
    public var dependsOnClock: Bool {
        terms.contains { term in
            switch term.condition {
            case .heartbeat, .age, .inState: true
            default: false
            }
        }
    }

    /// True when a term asks for attention (`attention:`): what it admits changes with the
    /// attention set.
    public var readsAttention: Bool {
        terms.contains { term in
            if case .attention = term.condition { return true }
            return false
        }
    }

    /// Only positive free words: typing more can only narrow what such a query shows, so the
    /// rows on screen can be filtered instead of searching every item again.
    public var isPlainText: Bool {
        terms.allSatisfy { term in
            if case .text = term.condition { return !term.negated }
            return false
        }
    }

    /// Whether the environment passes the query's `env:` terms (the other terms say nothing of it).
    public func admits(_ environment: WatchedEnvironment) -> Bool {
        let names = [environment.id, environment.name ?? "", environment.label, environment.profile].map { $0.lowercased() }
        for term in terms {
            guard case .environment(let needle) = term.condition else { continue }
            if names.contains(where: { $0.contains(needle) }) == term.negated { return false }
        }
        return true
    }

    /// Whether `item` of `feed` passes every term but `env:` (see `admits`), at time `now`.
    public func matches(_ item: WorkItem, in feed: Feed, now: Date) -> Bool {
        for term in terms where holds(term.condition, item, feed, now) == term.negated { return false }
        return true
    }

    func holds(_ condition: Condition, _ item: WorkItem, _ feed: Feed, _ now: Date) -> Bool {
        switch condition {
        case .text(let needle): return feed.matches(item.id, lowercasedNeedle: needle)
        case .state(let state): return item.state == state
        case .environment: return true
        case .heartbeat(let comparison):
            guard let beat = item.latestHeartbeatAt else { return false }
            return comparison.holds(now.timeIntervalSince(beat))
        case .noHeartbeat: return item.latestHeartbeatAt == nil
        case .age(let comparison): return comparison.holds(now.timeIntervalSince(item.createdAt))
        case .inState(let comparison): return comparison.holds(now.timeIntervalSince(item.stateEnteredAt))
        case .metadata(let key, let value):
            guard let present = item.metadata[key] else { return false }
            return value.map { present.lowercased().contains($0) } ?? true
        case .session(let needle): return item.sessionID.lowercased().contains(needle)
        case .attention(let name):
            guard let reason = feed.attention[item.id] else { return false }
            return name.map { reason.queryName == $0 } ?? true
        }
    }
}

/// Where a query stopped making sense: the character offset (0-based) and what was wrong.
public struct QuerySyntaxError: Error, Sendable, Equatable {
    public var position: Int
    public var message: String

    public init(position: Int, message: String) {
        self.position = position
        self.message = message
    }
}
