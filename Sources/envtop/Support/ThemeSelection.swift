import EnvtopCore
import EnvtopUI
import EnvtopRuntime
import EnvtopTerminal
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The theme to start with, the ones `t` cycles through, and the colour depth to force.
///
/// The rules:
/// - `--theme` (command line) > `theme:` (config) > `default`.
/// - `NO_COLOR` (any value) starts in `mono` with no colour at all, unless `--theme` was given
///   on the command line (no-color.org: a per-run option overrides it); `t` then has nothing
///   to cycle.
/// - The chosen theme must load completely, or envtop does not start (the error names the
///   file, line and key). Other broken theme files are left out of the cycle and reported in
///   `skipped` for the log.
struct ThemeSelection {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// The themes `t` cycles through, at the one to start with.
    let ring: ThemeRing
    let current: ThemeFile
    /// `.none` under NO_COLOR; `.trueColor` (as much as the terminal shows) when `--theme`
    /// overrides NO_COLOR; otherwise nil (the terminal detects its depth).
    let forcedDepth: ColorDepth?
    /// Theme files left out of the cycle because they are broken.
    let skipped: [ThemeError]

    static func resolve(
        commandLine: String?, config: String?, environment: [String: String], catalog: ThemeCatalog
    ) -> Result<ThemeSelection, Problem> {
        let choice = ThemeChoice.make(commandLine: commandLine, config: config, environment: environment)
        let current: ThemeFile
        switch catalog.load(choice.reference) {
        case .success(let file): current = file
        case .failure(let problem): return .failure(problem)
        }
        if choice.colorless {
            return .success(ThemeSelection(
                ring: ThemeRing(themes: [current.theme]), current: current, forcedDepth: ColorDepth.none, skipped: []))
        }
        var themes: [Theme] = []
        var skipped: [ThemeError] = []
        var index: Int?
        for entry in catalog.entries() {
            switch entry.result {
            case .success(let file):
                if file.name == current.name { index = themes.count }
                themes.append(file.name == current.name ? current.theme : file.theme)
            case .failure(let error):
                skipped.append(error)
            }
        }
        for builtIn in ThemeCatalog.builtIn where !themes.contains(where: { $0.name == builtIn.name }) {
            if builtIn.name == current.name { index = themes.count }
            themes.append(builtIn.name == current.name ? current.theme : builtIn.theme)
        }
        if index == nil {
            index = 0
            themes.insert(current.theme, at: 0)
        }
        return .success(ThemeSelection(
            ring: ThemeRing(themes: themes, current: index ?? 0), current: current,
            forcedDepth: choice.overridesNoColor ? .trueColor : nil, skipped: skipped))
    }

    /// `~/x` -> `$HOME/x`, for paths in the config file.
    static func expandingTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return AppPaths.home + path.dropFirst()
    }
}
