import EnvtopCore
import EnvtopUI
import Testing

/// One rule for every setting: command line, then config file, then the built-in default
/// (with the SDK's environment variables between the command line and the file).
@Suite("Settings precedence")
struct SettingsPrecedenceTests {
    let file = EnvtopConfig(
        environment: "env_file", baseURL: "http://file", workspace: "ws_file", refresh: 5, readOnly: true,
        theme: "nord", logFile: "/file.log", leaseTTLSeconds: 120, stoppingGraceSeconds: 50,
        startingGraceSeconds: 70, queuedGraceSeconds: 300)

    @Test("with nothing anywhere, the defaults")
    func defaults() {
        let settings = EnvtopSettings.merge(commandLine: EnvtopConfig(), file: EnvtopConfig())
        #expect(settings.environment == nil)
        #expect(settings.baseURL == nil)
        #expect(settings.refresh == 2)
        #expect(settings.readOnly == false)
        #expect(settings.theme == nil)
        #expect(settings.logFile == nil)
        #expect(settings.thresholds == AttentionThresholds())
    }

    @Test("the config file beats the defaults")
    func fileBeatsDefaults() {
        let settings = EnvtopSettings.merge(commandLine: EnvtopConfig(), file: file)
        #expect(settings.environment == "env_file")
        #expect(settings.baseURL == "http://file")
        #expect(settings.workspace == "ws_file")
        #expect(settings.refresh == 5)
        #expect(settings.readOnly == true)
        #expect(settings.theme == "nord")
        #expect(settings.logFile == "/file.log")
        #expect(settings.thresholds == AttentionThresholds(
            leaseTTLSeconds: 120, stoppingGraceSeconds: 50, startingGraceSeconds: 70, queuedGraceSeconds: 300))
    }

    @Test("the command line beats the config file, field by field")
    func commandLineWins() {
        let commandLine = EnvtopConfig(
            environment: "env_cli", baseURL: "http://cli", refresh: 1, readOnly: false, theme: "light",
            stoppingGraceSeconds: 10)
        let settings = EnvtopSettings.merge(commandLine: commandLine, file: file)
        #expect(settings.environment == "env_cli")
        #expect(settings.baseURL == "http://cli")
        #expect(settings.workspace == "ws_file")  // not on the command line: the file's
        #expect(settings.refresh == 1)
        #expect(settings.readOnly == false)  // --no-read-only beats read_only: true
        #expect(settings.theme == "light")
        #expect(settings.logFile == "/file.log")
        #expect(settings.thresholds.stoppingGraceSeconds == 10)
        #expect(settings.thresholds.leaseTTLSeconds == 120)
    }

    @Test("ANTHROPIC_BASE_URL and ANTHROPIC_WORKSPACE_ID sit between the command line and the file")
    func environmentVariables() {
        let environment = ["ANTHROPIC_BASE_URL": " http://env ", "ANTHROPIC_WORKSPACE_ID": "ws_env"]
        let fromEnvironment = EnvtopSettings.merge(commandLine: EnvtopConfig(), file: file, environment: environment)
        #expect(fromEnvironment.baseURL == "http://env")
        #expect(fromEnvironment.workspace == "ws_env")
        let fromCommandLine = EnvtopSettings.merge(
            commandLine: EnvtopConfig(baseURL: "http://cli"), file: file, environment: environment)
        #expect(fromCommandLine.baseURL == "http://cli")
        let empty = EnvtopSettings.merge(commandLine: EnvtopConfig(), file: file, environment: ["ANTHROPIC_BASE_URL": ""])
        #expect(empty.baseURL == "http://file")
    }
}
