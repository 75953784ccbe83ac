import EnvtopClient
import EnvtopSimulator
import Foundation

/// `--demo`: a simulator with three environments started in this process on a free loopback port, reached through the
/// real client over real HTTP, with keys made up for this run only.
struct DemoEnvironment: Sendable {
    let server: SimulatorServer
    let credentials: Credentials

    static func start(seed: UInt64) async throws -> DemoEnvironment {
        let environmentKey = "envtop-demo-env-" + UUID().uuidString.lowercased()
        let apiKey = "envtop-demo-api-" + UUID().uuidString.lowercased()
        var configuration = SimulatorConfiguration()
        configuration.seed = seed
        // Three environments: the demo shows two as "staging" and one as "production".
        configuration.environmentCount = 3
        configuration.environmentKeys = [environmentKey]
        configuration.apiKeys = [apiKey]
        let server = try await SimulatorServer.start(configuration)
        return DemoEnvironment(
            server: server, credentials: Credentials(apiKey: apiKey, environmentKey: environmentKey))
    }
}
