import EnvtopSimulator
import Foundation

/// Servers the tests start: quiet (nothing but the test touches them) unless asked otherwise.
enum TestServers {
    static let apiKey = "test-api-key-0001"
    static let environmentKey = "test-environment-key-0001"

    static func quiet(
        environments: Int = 1, items: Int = 0, leaseTTL: Int = 20, keys: Bool = true, seed: UInt64 = 1
    ) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.environmentCount = environments
        configuration.workersPerEnvironment = 0
        configuration.arrivalRatePerSecond = 0
        configuration.initialItemsPerEnvironment = items
        configuration.leaseTTLSeconds = leaseTTL
        configuration.seed = seed
        if keys {
            configuration.apiKeys = [apiKey]
            configuration.environmentKeys = [environmentKey]
        }
        return configuration
    }

    /// Starts a server, runs the body, and always shuts the server down.
    static func with<T>(
        _ configuration: SimulatorConfiguration, _ body: (SimulatorServer) async throws -> T
    ) async throws -> T {
        try await SimulatorServer.withRunning(configuration, body)
    }

    /// Waits (bounded) until the condition holds; returns whether it did.
    static func eventually(
        within seconds: Double, every step: Double = 0.05, _ condition: () async throws -> Bool
    ) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(Int(step * 1000)))
        }
        return try await condition()
    }
}
