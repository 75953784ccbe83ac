#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Which runbook rules fail for one environment, without flicker.
///
/// A rule fires only once its condition has held for the rule's threshold, and clears only once
/// the condition has been false on two refreshes in a row (it held good for one refresh), so a
/// value that comes and goes faster than that never turns the health line on and off.
public struct RuleTracker: Sendable, Equatable {
    /// A failing rule and since when its condition has held.
    public struct Firing: Sendable, Equatable {
        public var rule: QueueRule
        public var since: Date
    }

    struct Track: Sendable, Equatable {
        /// When the current run of the condition began.
        var conditionSince: Date?
        /// Set while the rule fires.
        var firingSince: Date?
        /// Refreshes in a row on which the condition was false while the rule fired.
        var goodRefreshes = 0
    }

    private var tracks: [QueueRule: Track] = [:]

    public init() {}

    /// The failing rules, most severe first, then oldest first.
    public var firing: [Firing] {
        QueueRule.allCases.compactMap { rule in tracks[rule]?.firingSince.map { Firing(rule: rule, since: $0) } }
            .sorted { $0.rule.severity != $1.rule.severity ? $0.rule.severity > $1.rule.severity : $0.since < $1.since }
    }

    public func isFiring(_ rule: QueueRule) -> Bool { tracks[rule]?.firingSince != nil }

    /// Checks every rule against the history's latest sample; returns the rules that started
    /// failing on this refresh (for the bell).
    public mutating func evaluate(_ history: StatsHistory, thresholds t: RunbookThresholds) -> [QueueRule] {
        guard let latest = history.latest else { return [] }
        var fired: [QueueRule] = []
        for rule in QueueRule.allCases {
            var track = tracks[rule] ?? Track()
            let (holds, since) = rule.condition(history, t)
            if holds {
                track.goodRefreshes = 0
                track.conditionSince = track.conditionSince ?? since ?? latest.at
                if let since, since < track.conditionSince! { track.conditionSince = since }
                if track.firingSince == nil, latest.at.timeIntervalSince(track.conditionSince!) >= rule.holdSeconds(t) {
                    track.firingSince = track.conditionSince
                    fired.append(rule)
                }
            } else {
                track.conditionSince = nil
                if track.firingSince != nil {
                    track.goodRefreshes += 1
                    if track.goodRefreshes >= 2 {
                        track.firingSince = nil
                        track.goodRefreshes = 0
                    }
                }
            }
            tracks[rule] = track
        }
        return fired
    }
}
