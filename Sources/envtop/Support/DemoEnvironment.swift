import EnvtopClient
import EnvtopSimulator
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `--demo`: a simulator with three environments started in this process on a free loopback port, reached through the
/// real client over real HTTP, with keys made up for this run only.
struct DemoEnvironment: Sendable {
    let server: SimulatorServer
    let credentials: Credentials

    /// What the demo shows within its first minute, beside the seeded history's dead workers and
    /// stuck stops: a stalled claim in the first environment (its rule fires 30 s later), a
    /// broken handoff and a failed claim in the second, a burst and then missing workers in the
    /// third (production) one.
    static let demoTroubles: [TroubleRequest] = [
        TroubleRequest(kind: .stalledClaim, environmentIndex: 0, seconds: 120, afterSeconds: 4),
        TroubleRequest(kind: .handoffBroken, environmentIndex: 1, afterSeconds: 6),
        TroubleRequest(kind: .failedClaim, environmentIndex: 1, afterSeconds: 12),
        TroubleRequest(kind: .leaseLost, environmentIndex: 1, afterSeconds: 3),
        TroubleRequest(kind: .burst, environmentIndex: 2, count: 15, afterSeconds: 8),
        TroubleRequest(kind: .noWorkers, environmentIndex: 2, seconds: 90, afterSeconds: 20),
    ]

    static func start(seed: UInt64) async throws -> DemoEnvironment {
        let environmentKey = "envtop-demo-env-" + UUID().uuidString.lowercased()
        let apiKey = "envtop-demo-api-" + UUID().uuidString.lowercased()
        var configuration = SimulatorConfiguration()
        configuration.seed = seed
        // Three environments: the demo shows two as "staging" and one as "production".
        configuration.environmentCount = 3
        configuration.environmentKeys = [environmentKey]
        configuration.apiKeys = [apiKey]
        configuration.troubles = demoTroubles
        let server = try await SimulatorServer.start(configuration)
        return DemoEnvironment(
            server: server, credentials: Credentials(apiKey: apiKey, environmentKey: environmentKey))
    }
}
