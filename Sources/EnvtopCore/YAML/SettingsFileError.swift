/// A problem in a theme or config file, said the way compilers say it: `file:line: message`.
///
/// The message names the bad key or value, so the operator can fix the file without guessing;
/// envtop refuses to start on one rather than run with half a theme or half a config.
public struct SettingsFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as the operator named it (a path, or a shipped theme's path).
    public var file: String
    /// 1-based; nil when the problem is the whole file (it cannot be read).
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// A theme file that cannot be used.
public typealias ThemeError = SettingsFileError

/// A config file that cannot be used.
public typealias ConfigError = SettingsFileError
