import EnvtopModels

/// Items per state, kept up to date by `WorkStore` as items arrive.
///
/// The header shows these every frame; counting 100,000 items per frame would dominate painting,
/// so the store adjusts six counters on each upsert instead.
public struct StateCounts: Sendable, Equatable {
    public private(set) var queued = 0
    public private(set) var starting = 0
    public private(set) var active = 0
    public private(set) var stopping = 0
    public private(set) var stopped = 0
    /// States this build does not know (`WorkState.unknown`).
    public private(set) var other = 0

    public init() {}

    /// Counts a store's items from scratch (tests compare this with the running tally).
    public init(_ store: WorkStore) {
        for item in store.byID.values { add(item.state, 1) }
    }

    public var total: Int { queued + starting + active + stopping + stopped + other }

    mutating func add(_ state: WorkState, _ delta: Int) {
        switch state {
        case .queued: queued += delta
        case .starting: starting += delta
        case .active: active += delta
        case .stopping: stopping += delta
        case .stopped: stopped += delta
        case .unknown: other += delta
        }
    }

    /// Adds another tally (several environments' counts).
    mutating func add(_ other: StateCounts) {
        queued += other.queued
        starting += other.starting
        active += other.active
        stopping += other.stopping
        stopped += other.stopped
        self.other += other.other
    }

    public subscript(state: WorkState) -> Int {
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
