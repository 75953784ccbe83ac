import EnvtopSimulator
import Foundation
import Testing

/// A bad profile stops the real binary before anything starts: exit code 2, the file and line,
/// and never a key on the screen.
extension ThemeAndConfigEndToEndTests {
    @Test("bad profiles: a loose key file, an unknown environment id, an unknown --profile; each names the file and line")
    func badProfiles() async throws {
        let home = try Home()
        defer { home.remove() }
        var config = SimulatorConfiguration()
        config.environmentCount = 1
        config.workersPerEnvironment = 0
        config.arrivalRatePerSecond = 0
        config.initialItemsPerEnvironment = 0
        config.apiKeys = ["e2e-api-key-\(UUID().uuidString)"]
        config.environmentKeys = ["e2e-env-key-\(UUID().uuidString)"]
        let server = try await SimulatorServer.start(config)
        defer { Task { await server.shutdown() } }
        let keyFile = home.root.appendingPathComponent("api.key")
        _ = FileManager.default.createFile(
            atPath: keyFile.path, contents: Data(config.apiKeys[0].utf8), attributes: [.posixPermissions: 0o644])
        let variables = ["E2E_ENV_KEY": config.environmentKeys[0]]

        try home.write("""
            profiles:
              lab:
                base_url: \(server.baseURL)
                environments: all
                api_key_file: \(keyFile.path)
                environment_key_env: E2E_ENV_KEY
            """, to: home.configFile)
        let loose = try run(["--once"], home: home, environment: variables)
        #expect(loose.status == 2)
        #expect(loose.error.hasPrefix("envtop: \(home.configFile.path):5: "), "\(loose.error)")
        #expect(loose.error.contains("chmod 600"))
        #expect(!loose.error.contains(config.apiKeys[0]) && loose.output.isEmpty)

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile.path)
        try home.write("""
            profiles:
              lab:
                base_url: \(server.baseURL)
                environments:
                  - \(server.environmentIDs[0])
                  - env_doesNotExist000000000000
                api_key_file: \(keyFile.path)
                environment_key_env: E2E_ENV_KEY
            """, to: home.configFile)
        let unknown = try run(["--once"], home: home, environment: variables)
        #expect(unknown.status == 2)
        #expect(unknown.error.hasPrefix("envtop: \(home.configFile.path):6: "), "\(unknown.error)")
        #expect(unknown.error.contains("env_doesNotExist000000000000"))
        #expect(unknown.output.isEmpty, "nothing started")

        let noSuchProfile = try run(["--once", "--profile", "labb"], home: home, environment: variables)
        #expect(noSuchProfile.status == 2)
        #expect(noSuchProfile.error.contains("--profile labb: no such profile") && noSuchProfile.error.contains("did you mean 'lab'"))

        // A config that runs a key command must not be writable by others.
        try home.write("""
            profiles:
              lab:
                base_url: \(server.baseURL)
                api_key_command: cat \(keyFile.path)
                environment_key_env: E2E_ENV_KEY
            """, to: home.configFile)
        // Group-writable: refused like any config others can write (it could run their command).
        try FileManager.default.setAttributes([.posixPermissions: 0o664], ofItemAtPath: home.configFile.path)
        let writable = try run(["--once"], home: home, environment: variables)
        #expect(writable.status == 2)
        #expect(writable.error.contains("writable by its group") && writable.error.contains("chmod g-w"), "\(writable.error)")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: home.configFile.path)
        let command = try run(["--once"], home: home, environment: variables)
        #expect(command.status == 0, "the key from the command works: \(command.error)")

        // Fixed, the same file works: --once lists the environment's (empty) queue.
        try home.write("""
            profiles:
              lab:
                base_url: \(server.baseURL)
                environments: [\(server.environmentIDs[0])]
                api_key_file: \(keyFile.path)
                environment_key_env: E2E_ENV_KEY
            """, to: home.configFile)
        let good = try run(["--once"], home: home, environment: variables)
        #expect(good.status == 0, "\(good.error)")
        #expect(good.output.contains("lab"))
    }

    @Test("--demo opens on the merged view of its three simulated environments (two profiles, one production)")
    func demoIsMerged() throws {
        let home = try Home()
        defer { home.remove() }
        let result = try run(["--demo", "--once"], home: home, environment: ["COLUMNS": "140"])
        // 3: the demo seeds a backlog on purpose, so a runbook rule is failing.
        #expect(result.status == 3, "\(result.error)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.first?.contains("all: 3 environments") == true)
        #expect(lines.first?.contains("PRODUCTION: prod") == true)
        #expect(result.output.contains("ENV"))
        // A header line per environment, and rows of each.
        #expect(lines.filter { $0.contains("stg/sim-") && $0.contains("total") }.count == 2)
        #expect(lines.contains { $0.contains("prod") && $0.contains("● live") })
        #expect(lines.contains { $0.hasPrefix("   prod ") || $0.contains(" prod  ") })
    }
}
