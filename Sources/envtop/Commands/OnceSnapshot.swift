import EnvtopClient
import EnvtopCore
import EnvtopUI
import EnvtopModels
import EnvtopRuntime
import Foundation

/// `--once`: loads the stats and every page through the reducer, prints a plain-text snapshot.
enum OnceSnapshot {
    /// Prints the snapshot even when the API failed (it says so), then reports the failure.
    static func print(options: AppState.Options, api: any DashboardAPI) async throws(StartupError) {
        let width = Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 120
        var state = AppState(options: options, size: Size(width: max(60, width), height: 40), now: Date())
        let effects = state.apply(.tick(Date()))
        await StateDriver.settle(&state, effects: effects, api: api)
        Swift.print(SnapshotText.render(state))
        let failed = state.feeds.filter { $0.connection.lastError != nil }
        if let first = failed.first, let error = first.connection.lastError {
            let which = state.feeds.count > 1 ? " for \(state.tag(first.environmentID))" : ""
            throw StartupError(.runtime, "the API failed\(which): \(error)")
        }
    }
}
