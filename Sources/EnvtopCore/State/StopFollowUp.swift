import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A stop this operator asked for in this run, followed until it ends.
///
/// A graceful stop that no worker drains (still `stopping` one heartbeat interval plus slack
/// after it was asked) is announced once ("still stopping after 45s: S forces it"); a stop that
/// completes is announced once too.
public struct FollowedStop: Sendable, Equatable {
    public var ref: ItemRef
    public var mode: StopMode
    public var askedAt: Date
    /// The last state the API gave the item.
    public var state: WorkState
    var warnedOverdue = false
    var reportedStopped = false
}

/// `L`: the stops asked this run, newest first, with their state and age. Any key closes it.
public struct StopsPanel: Modal {
    public init() {}
    public var scope: KeyScope { .help }
    public mutating func handle(_ action: Action) -> ModalOutcome {
        switch action {
        case .moveUp, .moveDown: .stay
        default: .close
        }
    }
}

extension AppState {
    /// Remembers a stop just sent.
    mutating func follow(_ ref: ItemRef, mode: StopMode, state: WorkState) {
        followed[ref] = FollowedStop(ref: ref, mode: mode, askedAt: now, state: state)
    }

    /// After a refresh or a tick: the stops that completed, or that no worker drains, each said once.
    mutating func followUpStops() {
        guard !followed.isEmpty else { return }
        for (ref, var stop) in followed {
            guard let item = item(ref) else {
                followed[ref] = nil
                continue
            }
            stop.state = item.state
            if item.state == .stopped, !stop.reportedStopped {
                stop.reportedStopped = true
                // A force stop's answer already said "stopped"; a graceful one ends later.
                if stop.mode == .graceful { show(.followedStopped(workID: ref.workID, after: now.timeIntervalSince(stop.askedAt))) }
            } else if item.state == .stopping, stop.mode == .graceful, !stop.warnedOverdue,
                      now.timeIntervalSince(stop.askedAt) > options.thresholds.stoppingGraceSeconds
            {
                stop.warnedOverdue = true
                show(.followedOverdue(
                    workID: ref.workID, after: now.timeIntervalSince(stop.askedAt),
                    forceAllowed: permits(.forceStop, in: ref.environmentID)))
            }
            followed[ref] = stop
        }
    }

    /// The followed stops, newest first.
    public var followedStops: [FollowedStop] {
        followed.values.sorted { $0.askedAt != $1.askedAt ? $0.askedAt > $1.askedAt : $0.ref.description < $1.ref.description }
    }
}
