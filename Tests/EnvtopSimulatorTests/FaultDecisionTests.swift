import Foundation
import Testing

@testable import EnvtopSimulator

@Suite("Fault injection decisions")
struct FaultDecisionTests {
    @Test("error rates are shares of the traffic; 429 and 503 carry the retry-after")
    func errorShares() {
        var faults = FaultSettings()
        faults.errorRates = [503: 0.2, 429: 0.1]
        faults.retryAfterSeconds = 1.5
        var random = SplitMix64(seed: 9)
        var seen: [Int: Int] = [:]
        let rolls = 20_000
        for _ in 0..<rolls {
            let decision = FaultDecision.roll(faults, path: "/v1/environments/e/work", using: &random)
            if let status = decision.errorStatus {
                seen[status, default: 0] += 1
                #expect(decision.retryAfterSeconds == 1.5)
            }
        }
        #expect(abs(Double(seen[503] ?? 0) / Double(rolls) - 0.2) < 0.02)
        #expect(abs(Double(seen[429] ?? 0) / Double(rolls) - 0.1) < 0.02)
    }

    @Test("only_paths limits faults to matching paths; quiet settings never fault")
    func pathFilter() {
        var faults = FaultSettings()
        faults.errorRates = [500: 1]
        faults.onlyPaths = ["/work/stats"]
        var random = SplitMix64(seed: 1)
        #expect(FaultDecision.roll(faults, path: "/v1/environments/e/work/stats", using: &random).errorStatus == 500)
        #expect(FaultDecision.roll(faults, path: "/v1/environments/e/work", using: &random) == .none)
        #expect(FaultDecision.roll(FaultSettings(), path: "/x", using: &random) == .none)
    }

    @Test("latency plus jitter stays within the configured bounds")
    func latency() {
        var faults = FaultSettings()
        faults.latencyMilliseconds = 100
        faults.jitterMilliseconds = 50
        var random = SplitMix64(seed: 3)
        for _ in 0..<200 {
            let delay = FaultDecision.roll(faults, path: "/", using: &random).delayMilliseconds
            #expect((100...150).contains(delay))
        }
    }

    @Test("settings decode from the snake_case JSON of POST /_sim/faults and nonsense is refused")
    func decoding() throws {
        let json = #"{"latency_milliseconds": 5, "error_rates": {"503": 0.5}, "drop_rate": 0.1}"#
        let faults = try JSONDecoder().decode(FaultSettings.self, from: Data(json.utf8))
        #expect(faults.latencyMilliseconds == 5 && faults.errorRates == [503: 0.5] && faults.dropRate == 0.1)
        #expect(faults.validationProblems().isEmpty)
        var bad = FaultSettings()
        bad.errorRates = [200: 0.5, 503: 1.5]
        bad.dropRate = 2
        #expect(bad.validationProblems().count >= 3)
    }
}
