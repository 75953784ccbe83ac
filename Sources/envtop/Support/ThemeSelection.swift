import EnvtopCore
import EnvtopTerminal
import Foundation

/// The theme to start with, the ones `t` cycles through, and the colour depth to force.
struct ThemeSelection {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    let cycle: ThemeCycle
    /// `.none` under NO_COLOR; otherwise nil (the terminal detects its depth).
    let forcedDepth: ColorDepth?

    static func resolve(requested: String?, environment: [String: String]) -> Result<ThemeSelection, Problem> {
        let noColor = environment["NO_COLOR"] != nil
        if noColor {
            return .success(ThemeSelection(cycle: ThemeCycle(themes: [.monochrome]), forcedDepth: ColorDepth.none))
        }
        let builtIn: [Theme] = [.default, .monochrome]
        guard let requested else { return .success(ThemeSelection(cycle: ThemeCycle(themes: builtIn), forcedDepth: nil)) }
        guard let index = builtIn.firstIndex(where: { $0.name == requested }) else {
            return .failure(Problem(description: "unknown theme '\(requested)'; envtop --list-themes lists them"))
        }
        return .success(ThemeSelection(cycle: ThemeCycle(themes: builtIn, current: index), forcedDepth: nil))
    }

    func listing() -> String {
        var names: [String] = []
        var theme = cycle.current
        let first = theme.name
        repeat {
            names.append(theme.name)
            theme = cycle.next()
        } while theme.name != first
        return names.joined(separator: "\n")
    }
}
