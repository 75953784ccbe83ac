import Foundation

/// Seeds each environment with history.
enum HistorySeeder {
    static func seed(state: SimulatorState, configuration: SimulatorConfiguration, now: Date) async throws {}
}
