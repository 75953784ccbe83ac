/// The character of one simulated environment, so several environments look different on screen.
struct EnvironmentProfile: Sendable, Equatable {
    var name: String
    var summary: String
    /// Multiplies the configured arrival rate.
    var arrivalFactor: Double
    /// Per claimed item: the worker dies and leaves it active with a stale heartbeat.
    var dieProbability: Double
    /// Per claimed item: the worker ignores a graceful stop and walks away from it.
    var ignoreStopProbability: Double
    /// Per poll that finds work: the worker never acknowledges it.
    var neverAckProbability: Double
    /// Per claimed item: the item is cancelled before its first heartbeat, which then answers
    /// `stopping`.
    var cancelBeforeStartProbability: Double
    /// Seconds between bursts of arrivals (0 = no bursts).
    var burstEverySeconds: Double
    /// Session length range in seconds.
    var sessionSeconds: ClosedRange<Double>
    /// How long a dead worker's replacement takes to start polling.
    var restartSeconds: ClosedRange<Double> = 5...15

    /// Sessions are kept short (seconds, not minutes) so the default four workers keep up with the
    /// default 0.5 items/s and the demo moves; each profile stays near, not past, its capacity.
    static let profiles: [EnvironmentProfile] = [
        EnvironmentProfile(
            name: "steady", summary: "healthy workers, steady arrivals", arrivalFactor: 1, dieProbability: 0.01,
            ignoreStopProbability: 0.05, neverAckProbability: 0.02, cancelBeforeStartProbability: 0.02,
            burstEverySeconds: 0, sessionSeconds: 2...10),
        EnvironmentProfile(
            name: "flaky", summary: "workers that die and ignore stops", arrivalFactor: 0.8,
            dieProbability: 0.06, ignoreStopProbability: 0.3, neverAckProbability: 0.08,
            cancelBeforeStartProbability: 0.08, burstEverySeconds: 0, sessionSeconds: 2...12),
        EnvironmentProfile(
            name: "bursty", summary: "bursts of arrivals that grow the queue", arrivalFactor: 0.4,
            dieProbability: 0.02, ignoreStopProbability: 0.05, neverAckProbability: 0.04,
            cancelBeforeStartProbability: 0.03, burstEverySeconds: 60, sessionSeconds: 2...8),
    ]

    static func forIndex(_ index: Int) -> EnvironmentProfile { profiles[index % profiles.count] }

    /// The same profile with every kind of trouble switched off.
    var healthy: EnvironmentProfile {
        var copy = self
        copy.dieProbability = 0
        copy.ignoreStopProbability = 0
        copy.neverAckProbability = 0
        copy.cancelBeforeStartProbability = 0
        return copy
    }
}
