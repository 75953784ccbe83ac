import EnvtopClient
import EnvtopCore

/// The credentials a profile's API client sends.
///
/// A key the profile names a source for comes from there (and a source that fails stops the
/// startup: the operator asked for that key); a key it does not name comes from the standard
/// variable, as with no profiles at all.
public enum ProfileCredentials {
    /// - Parameters:
    ///   - file: the config file, for errors.
    ///   - environment: the process environment.
    ///   - commandTimeout: how long a key command may run.
    /// - Throws: `ConfigError` at the line of the key source that cannot be read.
    public static func resolve(
        _ profile: ProfileConfig, file: String, environment: [String: String],
        commandTimeout: Duration = KeyReader.defaultCommandTimeout
    ) throws(ConfigError) -> Credentials {
        let reader = KeyReader(file: file, environment: environment, commandTimeout: commandTimeout)
        let apiKey = try profile.apiKey.map { source throws(ConfigError) in
            try reader.read(source, profile: profile.name, secret: "API key")
        }
        let environmentKey = try profile.environmentKey.map { source throws(ConfigError) in
            try reader.read(source, profile: profile.name, secret: "environment key")
        }
        return Credentials(
            apiKey: apiKey ?? environment[Credentials.apiKeyVariable],
            environmentKey: environmentKey ?? environment[Credentials.environmentKeyVariable],
            authToken: environment[Credentials.authTokenVariable])
    }
}
