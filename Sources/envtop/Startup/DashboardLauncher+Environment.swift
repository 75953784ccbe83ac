import EnvtopCore
import EnvtopUI
import Foundation

extension DashboardLauncher {
    /// The environment step: the one asked for, the only self-hosted one, or the operator's pick;
    /// with the settings, what the state starts from.
    func chooseEnvironment(_ startup: StartupSettings, connection: APIConnection) async throws(StartupError) -> AppState.Options {
        let settings = startup.settings
        // The demo's environments are its own: a configured environment would not exist there.
        let requested = options.demo ? (options.environment ?? connection.demo?.server.environmentIDs.first) : settings.environment
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 && !options.once
        switch await EnvironmentChooser.choose(api: connection.client, requested: requested, interactive: interactive) {
        case .chosen(let id, let name):
            return AppState.Options(
                environmentID: id, environmentName: name, readOnly: settings.readOnly,
                refreshInterval: settings.refresh, thresholds: settings.thresholds)
        case .failed(let message):
            throw StartupError(.runtime, message)
        }
    }
}
