/// What the faults do to one request, rolled once when it arrives.
struct FaultDecision: Sendable, Equatable {
    var delayMilliseconds = 0
    var errorStatus: Int?
    var retryAfterSeconds: Double?
    var malformed = false
    var drop = false

    static let none = FaultDecision()

    static func roll(_ faults: FaultSettings, path: String, using random: inout SplitMix64) -> FaultDecision {
        guard !faults.isQuiet, faults.applies(toPath: path) else { return .none }
        var decision = FaultDecision()
        decision.delayMilliseconds = max(0, faults.latencyMilliseconds)
        if faults.jitterMilliseconds > 0 {
            decision.delayMilliseconds += Int.random(in: 0...faults.jitterMilliseconds, using: &random)
        }
        if random.chance(faults.dropRate) {
            decision.drop = true
            return decision
        }
        // One draw across all statuses, so the rates are exact shares of the traffic.
        let draw = Double.random(in: 0..<1, using: &random)
        var cumulative = 0.0
        for (status, rate) in faults.errorRates.sorted(by: { $0.key < $1.key }) where rate > 0 {
            cumulative += rate
            if draw < cumulative {
                decision.errorStatus = status
                if status == 429 || status == 503 { decision.retryAfterSeconds = faults.retryAfterSeconds }
                return decision
            }
        }
        decision.malformed = random.chance(faults.malformedRate)
        return decision
    }
}
