/// When the runtime draws a frame after an event: at once, or a moment later, so that a refresh
/// cycle's tick and its replies reach the screen as one frame instead of one frame each.
///
/// An idle dashboard at a 1 s refresh gets three events a second within a few milliseconds: the
/// tick that starts the cycle, the stats reply and the list page. Each changes the screen (the
/// refresh time, the latency, the ages), so drawing each costs three frames and three paints a
/// second for what the operator sees as one update. Here the tick that starts a cycle and the
/// replies wait while the cycle is still out, for at most `grace` after the first change not yet
/// drawn; the last reply draws everything. A tick while an older cycle is still out (a slow or
/// hung API) draws at once, so the clock never waits on the network. Keys, clicks, resizes and
/// every other event draw at once, and so draw whatever waits.
///
/// Pure: the runtime passes the time and arms its own timer for `deadline`.
public struct FrameSchedule: Sendable {
    /// The longest a change waits for the rest of its refresh cycle.
    public let grace: Duration
    /// When the oldest change not yet drawn happened; nil when the screen is current.
    public private(set) var pendingSince: ContinuousClock.Instant?
    /// The refresh cycle (`AppState.generation`) seen at the last decision.
    private var seenGeneration = 0

    public init(grace: Duration = .milliseconds(100)) {
        self.grace = grace
    }

    public enum Decision: Sendable, Equatable {
        /// Draw a frame now.
        case draw
        /// Draw by this time at the latest (sooner if another event says so).
        case wait(until: ContinuousClock.Instant)
    }

    /// What to do after `event` was applied to `state`, at `now`.
    public mutating func decide(after event: Event, state: AppState, now: ContinuousClock.Instant) -> Decision {
        let startedCycle = state.generation != seenGeneration
        seenGeneration = state.generation
        if Self.canWait(event, startedCycle: startedCycle), state.inFlight > 0, !state.isQuitting {
            let since = pendingSince ?? now
            let deadline = since + grace
            if now < deadline {
                pendingSince = since
                return .wait(until: deadline)
            }
        }
        return .draw
    }

    /// The time a waiting change is due on screen, if one waits.
    public var deadline: ContinuousClock.Instant? { pendingSince.map { $0 + grace } }

    /// True when a change waits and its time has come (a timer fired).
    public func isDue(at now: ContinuousClock.Instant) -> Bool {
        guard let deadline else { return false }
        return now >= deadline
    }

    /// Notes that a frame with everything applied so far was drawn.
    public mutating func drawn() {
        pendingSince = nil
    }

    /// Refresh traffic may wait for the rest of its cycle; anything the operator did may not.
    static func canWait(_ event: Event, startedCycle: Bool) -> Bool {
        switch event {
        case .tick: startedCycle
        case .statsLoaded, .pageLoaded: true
        default: false
        }
    }
}
