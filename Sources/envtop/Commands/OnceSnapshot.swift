import EnvtopClient
import EnvtopCore
import EnvtopModels
import Foundation

/// `--once`: loads the stats and every page through the reducer, prints a plain-text snapshot.
enum OnceSnapshot {
    static func print(options: AppState.Options, api: any DashboardAPI) async -> Int32 {
        let width = Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 120
        var state = AppState(options: options, size: Size(width: max(60, width), height: 40), now: Date())
        let effects = state.apply(.tick(Date()))
        await StateDriver.settle(&state, effects: effects, runner: EffectRunner(api: api))
        Swift.print(SnapshotText.render(state))
        if let error = state.connection.lastError {
            Console.error("the API failed: \(error)")
            return 1
        }
        return 0
    }
}
