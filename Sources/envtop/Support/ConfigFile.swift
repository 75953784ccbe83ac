import EnvtopCore
import EnvtopUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads the config file: `--config PATH`, else `$XDG_CONFIG_HOME/envtop/config.yaml`.
enum ConfigFile {
    /// The file read: `--config`'s, else the default.
    static func path(explicitPath: String?) -> String {
        explicitPath.map(ThemeSelection.expandingTilde) ?? AppPaths.configFile
    }

    /// The config, empty when the default file does not exist; a `--config` file must exist.
    static func load(explicitPath: String?) -> Result<EnvtopConfig, ConfigError> {
        let path = path(explicitPath: explicitPath)
        guard FileManager.default.fileExists(atPath: path) else {
            if explicitPath == nil { return .success(EnvtopConfig()) }
            return .failure(ConfigError(file: path, line: nil, message: "no such file"))
        }
        if let problem = SafeFiles.readProblem(path, requirePrivate: true) {
            return .failure(ConfigError(file: path, line: nil, message: problem))
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            return .failure(ConfigError(file: path, line: nil, message: "cannot be read as UTF-8 text"))
        }
        do {
            return .success(try EnvtopConfig.parse(text, file: path))
        } catch {
            return .failure(error)
        }
    }
}
