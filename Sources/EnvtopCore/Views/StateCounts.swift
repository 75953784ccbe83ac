import EnvtopModels

/// Items per state for the header, counted without hashing each state.
///
/// The header needs this every frame. `WorkStore.countsByState()` builds a dictionary keyed by
/// `WorkState` (an enum with a payload), which dominates a frame at 100,000 items; six counters
/// and a switch do the same pass several times faster.
struct StateCounts: Sendable, Equatable {
    var queued = 0
    var starting = 0
    var active = 0
    var stopping = 0
    var stopped = 0
    /// States this build does not know (`WorkState.unknown`).
    var other = 0

    init(_ store: WorkStore) {
        for item in store.byID.values {
            switch item.state {
            case .queued: queued += 1
            case .starting: starting += 1
            case .active: active += 1
            case .stopping: stopping += 1
            case .stopped: stopped += 1
            case .unknown: other += 1
            }
        }
    }

    subscript(state: WorkState) -> Int {
        switch state {
        case .queued: queued
        case .starting: starting
        case .active: active
        case .stopping: stopping
        case .stopped: stopped
        case .unknown: other
        }
    }
}
