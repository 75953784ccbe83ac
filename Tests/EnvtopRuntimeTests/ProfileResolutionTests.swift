import EnvtopClient
import EnvtopCore
import EnvtopModels
import EnvtopRuntime
import EnvtopTesting
import Foundation
import Testing

/// Startup with profiles: reading each profile's keys (variable, private file, command).
@Suite("Profile keys and environments")
struct ProfileResolutionTests {
    let file = "/home/op/.config/envtop/config.yaml"

    func profile(
        _ name: String, environments: EnvironmentSelection = .all(line: 3), apiKey: KeySource? = nil,
        environmentKey: KeySource? = nil, color: ProfileColor? = nil, production: Bool = false
    ) -> ProfileConfig {
        ProfileConfig(
            name: name, line: 2, baseURL: "http://\(name).test", environments: environments, apiKey: apiKey,
            environmentKey: environmentKey, label: name.uppercased(), color: color, production: production)
    }

    func ids(_ ids: String..., line: Int = 4) -> EnvironmentSelection {
        .ids(ids.enumerated().map { ListedEnvironment(id: $0.element, line: line + $0.offset) })
    }

    /// A fresh directory with `name` holding `contents` at `mode`; removed by the caller.
    func keyFile(_ contents: String, mode: Int, name: String = "staging.key") throws -> (directory: URL, path: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("envtop-profiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return (directory, path)
    }

    func problem(_ read: () throws(ConfigError) -> String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        do {
            let value = try read()
            Issue.record("read a key of \(value.count) characters, but should have failed", sourceLocation: sourceLocation)
            return ""
        } catch {
            return error.description
        }
    }

    // MARK: Keys

    @Test("a key file others can read is refused, with the file, the line and the fix, never the key")
    func keyFileOpenToOthers() throws {
        let (directory, path) = try keyFile("sk-ant-SECRET-0644\n", mode: 0o644)
        defer { try? FileManager.default.removeItem(at: directory) }
        let reader = KeyReader(file: file, environment: [:])
        let message = problem { () throws(ConfigError) in
            try reader.read(KeySource(kind: .file(path), line: 7), profile: "staging", secret: "environment key")
        }
        #expect(message == "\(file):7: profile 'staging': environment key file \(path) is readable by others (mode 0644); run: chmod 600 \(path)")
        #expect(!message.contains("SECRET"))
    }

    @Test("a private key file is read, trimmed, with ~/ as HOME")
    func privateKeyFile() throws {
        let (directory, _) = try keyFile("  sk-ant-key-0600\n\n", mode: 0o600)
        defer { try? FileManager.default.removeItem(at: directory) }
        let reader = KeyReader(file: file, environment: ["HOME": directory.path])
        #expect(try reader.read(KeySource(kind: .file("~/staging.key"), line: 7), profile: "staging", secret: "API key")
            == "sk-ant-key-0600")
        let missing = problem { () throws(ConfigError) in
            try reader.read(KeySource(kind: .file("~/none.key"), line: 8), profile: "staging", secret: "API key")
        }
        #expect(missing == "\(file):8: profile 'staging': API key file ~/none.key cannot be read: No such file or directory")
    }

    @Test("an empty key file, or a directory, is refused")
    func emptyOrDirectory() throws {
        let (directory, path) = try keyFile(" \n", mode: 0o600)
        defer { try? FileManager.default.removeItem(at: directory) }
        let reader = KeyReader(file: file, environment: [:])
        #expect(problem { () throws(ConfigError) in
            try reader.read(KeySource(kind: .file(path), line: 5), profile: "p", secret: "API key")
        } == "\(file):5: profile 'p': API key file \(path) is empty")
        #expect(problem { () throws(ConfigError) in
            try reader.read(KeySource(kind: .file(directory.path), line: 5), profile: "p", secret: "API key")
        } == "\(file):5: profile 'p': API key file \(directory.path) is not a regular file")
    }

    @Test("a variable that is unset or blank is an error naming it")
    func variableUnset() throws {
        let source = KeySource(kind: .variable("STAGING_API_KEY"), line: 6)
        for environment in [[:], ["STAGING_API_KEY": "  \n"]] {
            let reader = KeyReader(file: file, environment: environment)
            #expect(problem { () throws(ConfigError) in try reader.read(source, profile: "staging", secret: "API key") }
                == "\(file):6: profile 'staging': the API key variable STAGING_API_KEY is not set")
        }
        let reader = KeyReader(file: file, environment: ["STAGING_API_KEY": "sk-ant-var\n"])
        #expect(try reader.read(source, profile: "staging", secret: "API key") == "sk-ant-var")
    }

    @Test("a command's output is the key; a failing one reports its status, never its output")
    func command() throws {
        let reader = KeyReader(file: file, environment: ["PROFILE_TEST": "sk-ant-from-env"])
        let printing = KeySource(kind: .command("printf '  %s\\n' \"$PROFILE_TEST\"; echo noise >&2"), line: 9)
        #expect(try reader.read(printing, profile: "prod", secret: "API key") == "sk-ant-from-env")

        let failing = KeySource(kind: .command("echo sk-ant-LEAKED; exit 3"), line: 9)
        let message = problem { () throws(ConfigError) in try reader.read(failing, profile: "prod", secret: "API key") }
        #expect(message == "\(file):9: profile 'prod': the API key command failed (exit status 3); its output is not shown, as it may hold a key")
        #expect(!message.contains("LEAKED"))

        let silent = KeySource(kind: .command("true"), line: 9)
        #expect(problem { () throws(ConfigError) in try reader.read(silent, profile: "prod", secret: "API key") }
            == "\(file):9: profile 'prod': the API key command printed nothing (exit status 0)")
    }

    @Test("a command is stopped at the timeout; one that leaves a helper running still answers")
    func commandTimeout() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let reader = KeyReader(file: file, environment: ["PATH": path], commandTimeout: .milliseconds(300))
        let start = ContinuousClock.now
        let slow = KeySource(kind: .command("sleep 5; echo sk-ant-late"), line: 9)
        #expect(problem { () throws(ConfigError) in try reader.read(slow, profile: "prod", secret: "API key") }
            == "\(file):9: profile 'prod': the API key command did not finish within 300 ms and was stopped")
        let helper = KeySource(kind: .command("printf sk-ant-now; sleep 3 &"), line: 9)
        #expect(try reader.read(helper, profile: "prod", secret: "API key") == "sk-ant-now")
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test("a profile's sources win; the standard variables fill the rest")
    func credentials() throws {
        let environment = [
            "ANTHROPIC_API_KEY": "sk-ant-standard", "ANTHROPIC_ENVIRONMENT_KEY": "sk-ant-env-standard",
            "ANTHROPIC_AUTH_TOKEN": "token", "STAGING_KEY": "sk-ant-staging",
        ]
        let plain = try ProfileCredentials.resolve(profile("plain"), file: file, environment: environment)
        #expect(plain == Credentials.fromEnvironment(environment))
        let staging = profile("staging", apiKey: KeySource(kind: .variable("STAGING_KEY"), line: 5))
        let credentials = try ProfileCredentials.resolve(staging, file: file, environment: environment)
        #expect(credentials == Credentials(apiKey: "sk-ant-staging", environmentKey: "sk-ant-env-standard", authToken: "token"))
        let unset = profile("staging", environmentKey: KeySource(kind: .variable("NOPE"), line: 6))
        #expect(throws: ConfigError(file: file, line: 6, message: "profile 'staging': the environment key variable NOPE is not set")) {
            try ProfileCredentials.resolve(unset, file: file, environment: environment)
        }
    }
}
