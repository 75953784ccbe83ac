#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// New work arriving in one environment: a Poisson stream at the configured rate, plus bursts
/// for profiles that have them.
struct ArrivalProcess: Sendable {
    let state: SimulatorState
    let environmentID: String
    let ratePerSecond: Double
    let burstEverySeconds: Double
    var random: SplitMix64

    /// Runs until the task is cancelled.
    mutating func run() async {
        guard ratePerSecond > 0 else { return }
        var nextBurst = burstEverySeconds > 0 ? Date().addingTimeInterval(burstEverySeconds / 3) : nil
        while !Task.isCancelled {
            // Exponential gaps make a Poisson stream.
            let gap = -log(1 - Double.random(in: 0..<1, using: &random)) / ratePerSecond
            do { try await Task.sleep(for: .milliseconds(Int(min(gap, 3600) * 1000))) } catch { return }
            var count = 1
            if let burst = nextBurst, Date() >= burst {
                count += Int.random(in: 10...30, using: &random)
                nextBurst = Date().addingTimeInterval(burstEverySeconds * Double.random(in: 0.6...1.4, using: &random))
            }
            for _ in 0..<count {
                let metadata = MetadataPool.typical(using: &random)
                _ = try? await state.enqueue(environmentID: environmentID, count: 1, metadata: metadata)
            }
        }
    }
}
