import EnvtopCore
import EnvtopUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging

/// The first step: the config file merged with the command line and the environment, and the
/// log every later step writes to.
struct StartupSettings {
    let environment: [String: String]
    /// The config file alone: `--list-themes` and the theme choice need to know what it said.
    let file: EnvtopConfig
    /// Where the config file is (or would be): errors about profiles name it.
    let configPath: String
    let settings: EnvtopSettings
    let logPath: String
    let logger: Logger

    /// Command line > config file > defaults; a broken config stops envtop before anything starts.
    static func load(options: DashboardOptions, environment given: [String: String]) throws(StartupError) -> StartupSettings {
        var env = given
        if options.apiKeyStdin {
            for (name, value) in try StdinKeys.read() { env[name] = value }
        }
        let fileConfig: EnvtopConfig
        switch ConfigFile.load(explicitPath: options.config) {
        case .success(let config): fileConfig = config
        case .failure(let problem): throw StartupError(.config, "\(problem)")
        }
        let settings = EnvtopSettings.merge(commandLine: options.commandLineConfig, file: fileConfig, environment: env)
        let logPath = settings.logFile.map(ThemeSelection.expandingTilde) ?? AppPaths.defaultLogFile
        if let problem = SafeFiles.logProblem(logPath) {
            throw StartupError(.config, "the log file \(logPath) is \(problem); choose another with --log-file or log_file")
        }
        let sink = FileLogHandler.Sink(path: logPath)
        let level = env["ENVTOP_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let logger = Logger(label: "envtop") { label in
            var handler = FileLogHandler(label: label, sink: sink)
            handler.logLevel = level
            return handler
        }
        return StartupSettings(
            environment: env, file: fileConfig, configPath: ConfigFile.path(explicitPath: options.config),
            settings: settings, logPath: logPath, logger: logger)
    }
}
