import EnvtopCore
import EnvtopUI
import EnvtopTerminal

extension DashboardLauncher {
    /// `--list-themes`: every theme and where it comes from, then exit.
    func listThemes(_ startup: StartupSettings) {
        let env = startup.environment
        let choice = ThemeChoice.make(commandLine: options.theme, config: startup.file.theme, environment: env)
        print(ThemeListing.render(
            catalog: ThemeCatalog.standard(), startsWith: choice.reference.themeName,
            noColor: ColorDepth.isNoColorRequested(env)))
    }

    /// The theme step: the chosen theme must load; broken others only leave the `t` cycle.
    func resolveThemes(_ startup: StartupSettings) throws(StartupError) -> ThemeSelection {
        let resolved = ThemeSelection.resolve(
            commandLine: options.theme, config: startup.file.theme, environment: startup.environment,
            catalog: ThemeCatalog.standard())
        switch resolved {
        case .success(let themes):
            for broken in themes.skipped {
                startup.logger.warning("theme left out of the t cycle: \(broken)")
            }
            return themes
        case .failure(let problem):
            throw StartupError(.theme, problem.description)
        }
    }
}
