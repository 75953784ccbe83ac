import EnvtopCore
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One work item for scripts: the API's own item shape (never its `secret`), plus what envtop
/// derives under `envtop`: where it is, why it needs attention, its failure signature and ages.
public struct ItemRecord: Encodable, Sendable {
    public var item: WorkItem
    public var derived: Derived

    /// envtop's fields, under `"envtop"` so they can never collide with the API's.
    public struct Derived: Encodable, Sendable, Equatable {
        public var environment: String
        public var profile: String
        /// What the ENV column shows: the profile's label (with the name when it has several), or
        /// the environment's name for the implicit profile.
        public var label: String
        /// `Attention.queryName` of its reason (`stale`, `drain_overdue`, …), or nil.
        public var attention: String?
        public var attentionText: String?
        /// The failure signature in snake case (`lease_lost`, `handoff_broken`, …), or nil.
        public var signature: String?
        public var ageSeconds: Double
        public var inStateSeconds: Double
        public var heartbeatAgeSeconds: Double?

        enum CodingKeys: String, CodingKey {
            case environment, profile, label, attention, signature
            case attentionText = "attention_text"
            case ageSeconds = "age_seconds"
            case inStateSeconds = "in_state_seconds"
            case heartbeatAgeSeconds = "heartbeat_age_seconds"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(environment, forKey: .environment)
            try c.encode(profile, forKey: .profile)
            try c.encode(label, forKey: .label)
            // Nulls are written out: every record has the same keys.
            try c.encode(attention, forKey: .attention)
            try c.encode(attentionText, forKey: .attentionText)
            try c.encode(signature, forKey: .signature)
            try c.encode(ageSeconds, forKey: .ageSeconds)
            try c.encode(inStateSeconds, forKey: .inStateSeconds)
            try c.encode(heartbeatAgeSeconds, forKey: .heartbeatAgeSeconds)
        }
    }

    public init(item: WorkItem, derived: Derived) {
        var clean = item
        clean.secret = nil
        self.item = clean
        self.derived = derived
    }

    /// The records of the rows `state` lists, in list order.
    public static func all(_ state: AppState) -> [ItemRecord] {
        state.visible.compactMap { ref in
            guard let item = state.item(ref) else { return nil }
            let env = state.watched(ref.environmentID) ?? WatchedEnvironment(id: ref.environmentID)
            let attention = state.attentionNow(ref)
            let now = state.now
            return ItemRecord(item: item, derived: Derived(
                environment: ref.environmentID, profile: env.profile, label: state.tag(ref.environmentID),
                attention: attention?.queryName, attentionText: attention?.shortReason,
                signature: FailureSignature.of(item, now: now, thresholds: state.options.thresholds, attention: attention)?.title.replacing(" ", with: "_"),
                ageSeconds: Self.rounded(now.timeIntervalSince(item.createdAt)),
                inStateSeconds: Self.rounded(now.timeIntervalSince(item.stateEnteredAt)),
                heartbeatAgeSeconds: item.latestHeartbeatAt.map { Self.rounded(now.timeIntervalSince($0)) }))
        }
    }

    static func rounded(_ seconds: Double) -> Double { (max(0, seconds) * 10).rounded() / 10 }

    enum Key: String, CodingKey { case envtop }

    public func encode(to encoder: any Encoder) throws {
        try item.encode(to: encoder)
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(derived, forKey: .envtop)
    }
}
