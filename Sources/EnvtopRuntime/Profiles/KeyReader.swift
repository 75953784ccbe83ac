import EnvtopCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads a profile's key from where the config says it is: a variable, a private file, or a
/// command's output (a password manager).
///
/// Every error names the config file and the line of the source, in plain words; none ever holds
/// the key, or a command's output (which may be the key).
public struct KeyReader: Sendable {
    /// The config file, for errors.
    public var file: String
    /// The process environment: variables are read here, `~/` is `HOME`, and a command runs with it.
    public var environment: [String: String]
    /// How long a command may take before it is killed.
    public var commandTimeout: Duration

    public static let defaultCommandTimeout: Duration = .seconds(10)

    public init(file: String, environment: [String: String], commandTimeout: Duration = defaultCommandTimeout) {
        self.file = file
        self.environment = environment
        self.commandTimeout = commandTimeout
    }

    /// The key `source` leads to, never empty; `secret` says which key in errors ("API key").
    public func read(_ source: KeySource, profile: String, secret: String) throws(ConfigError) -> String {
        let prefix = "profile '\(profile)': "
        func fail(_ message: String) -> ConfigError {
            ConfigError(file: file, line: source.line, message: prefix + message)
        }
        switch source.kind {
        case .variable(let name):
            let value = environment[name]?.trimmed() ?? ""
            guard !value.isEmpty else { throw fail("the \(secret) variable \(name) is not set") }
            return value
        case .file(let path):
            switch readPrivateFile(path) {
            case .success(let value): return value
            case .failure(let problem): throw fail("\(secret) file \(problem.describe(path))")
            }
        case .command(let command):
            let outcome = KeyCommand.run(command, environment: environment, timeout: commandTimeout)
            switch outcome {
            case .printed(let value): return value
            default: throw fail("the \(secret) command \(outcome.problem)")
            }
        }
    }

    /// `~/x` with `HOME` put in; any other path as written.
    func expandingHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty else { return path }
        return home + path.dropFirst()
    }
}
