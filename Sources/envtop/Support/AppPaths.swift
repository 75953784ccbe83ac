#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Where envtop keeps its files, following the XDG base directory conventions.
enum AppPaths {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static var home: String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        // No $HOME (a service, `env -i`): the account's home from the password database.
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return "/" }
        return String(cString: directory)
    }

    /// `$XDG_CONFIG_HOME/envtop` (default `~/.config/envtop`): the config file and user themes.
    static var configDirectory: String {
        xdg("XDG_CONFIG_HOME", fallback: home + "/.config") + "/envtop"
    }

    /// `$XDG_STATE_HOME/envtop` (default `~/.local/state/envtop`): the log.
    static var stateDirectory: String {
        xdg("XDG_STATE_HOME", fallback: home + "/.local/state") + "/envtop"
    }

    static var configFile: String { configDirectory + "/config.yaml" }
    static var userThemesDirectory: String { configDirectory + "/themes" }
    static var defaultLogFile: String { stateDirectory + "/envtop.log" }
    /// Every action and its result, one JSON line each (`envtop audit` reads it).
    static var auditLog: String { stateDirectory + "/audit.jsonl" }

    private static func xdg(_ name: String, fallback: String) -> String {
        if let value = environment[name], value.hasPrefix("/") { return value }
        return fallback
    }
}
