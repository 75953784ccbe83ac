import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

/// Two simulators as two profiles in one config file: "staging" with one environment (keys in
/// 0600 files) and "prod" with three (`environments: all`, keys in variables, `production: true`).
extension DashboardEndToEndTests {
    struct TwoProfiles: FixtureFiles {
        let staging: SimulatorServer
        let prod: SimulatorServer
        let stagingEnv: String
        let prodEnvs: [String]
        /// Every item, by environment.
        let items: [String: [WorkItem]]
        let envFile: String
        let configFile: String
        let logFile: String

        /// A quiet simulator with `environments` environments and its own keys.
        static func quiet(environments: Int, seed: UInt64) async throws -> (SimulatorServer, SimulatorConfiguration) {
            var config = DashboardEndToEndTests.quietConfiguration()
            config.seed = seed
            config.environmentCount = environments
            return (try await SimulatorServer.start(config), config)
        }

        static func make() async throws -> TwoProfiles {
            let (staging, stagingConfig) = try await quiet(environments: 1, seed: 101)
            let (prod, prodConfig) = try await quiet(environments: 3, seed: 202)
            var items: [String: [WorkItem]] = [:]
            let stagingEnv = staging.environmentIDs[0]
            items[stagingEnv] = try await staging.enqueue(environmentID: stagingEnv, count: 2, metadata: ["job": "stg"])
            for env in prod.environmentIDs {
                items[env] = try await prod.enqueue(environmentID: env, count: 1, metadata: ["job": "prod"])
            }
            let dir = try makeFolder()
            func secret(_ name: String, _ text: String) -> String {
                let path = dir.appendingPathComponent(name).path
                _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
                return path
            }
            let configFile = secret("config.yaml", """
                refresh: 1
                profiles:
                  staging:
                    base_url: \(staging.baseURL)
                    environments: [\(stagingEnv)]
                    api_key_file: \(secret("stg-api.key", stagingConfig.apiKeys[0] + "\n"))
                    environment_key_file: \(secret("stg-env.key", stagingConfig.environmentKeys[0]))
                    label: stg
                    color: green
                  prod:
                    base_url: \(prod.baseURL)
                    environments: all
                    api_key_env: E2E_PROD_API_KEY
                    environment_key_env: E2E_PROD_ENV_KEY
                    label: prod
                    color: red
                    production: true

                """)
            // Keys reach the shell through a private file, never a command line; the standard
            // variables are unset so only the profiles' own sources can work.
            let envFile = secret("env", """
                unset ANTHROPIC_API_KEY ANTHROPIC_ENVIRONMENT_KEY ANTHROPIC_BASE_URL
                export E2E_PROD_API_KEY='\(prodConfig.apiKeys[0])'
                export E2E_PROD_ENV_KEY='\(prodConfig.environmentKeys[0])'
                export LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_STATE_HOME='\(dir.path)/state'

                """)
            return TwoProfiles(
                staging: staging, prod: prod, stagingEnv: stagingEnv, prodEnvs: prod.environmentIDs, items: items,
                envFile: envFile, configFile: configFile, logFile: dir.appendingPathComponent("envtop.log").path)
        }

        var all: [WorkItem] { items.values.flatMap { $0 } }

        /// Stops both simulators and removes the fixture's folder (key files included).
        func shutdown() async {
            await staging.shutdown()
            await prod.shutdown()
            removeFiles()
        }

        func stopRequests() async -> (staging: Int, prod: Int) {
            (await staging.requestCounts()[DashboardEndToEndTests.stopRoute] ?? 0,
             await prod.requestCounts()[DashboardEndToEndTests.stopRoute] ?? 0)
        }

        func state(of item: WorkItem) async -> WorkState? {
            let server = item.environmentID == stagingEnv ? staging : prod
            return await server.workItem(environmentID: item.environmentID, id: item.id)?.state
        }
    }

    func launch(_ profiles: TwoProfiles, tmux: Tmux, extra: String = "") async throws {
        let binary = try #require(TestBinary.envtop, "the envtop executable is not built: run swift build")
        try tmux.start(width: 150, height: 40)
        try tmux.type(". '\(profiles.envFile)'; '\(binary)' --config '\(profiles.configFile)' --log-file '\(profiles.logFile)' \(extra)")
        try tmux.press("Enter")
        try await tmux.waitFor("the merged view with every item", timeout: 20) { screen in
            profiles.all.allSatisfy { screen.contains(String($0.id.prefix(16))) }
        }
    }

    @Test("two profiles, four environments: one merged list, totals that add up, stops that reach exactly their (environment, id)")
    func mergedViewOfTwoProfiles() async throws {
        let profiles = try await TwoProfiles.make()
        defer { Task { await profiles.shutdown() } }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await launch(profiles, tmux: tmux)
        var screen = try await tmux.waitFor(text: "5 total")
        #expect(screen.contains("all: 4 environments"))
        #expect(screen.contains("PRODUCTION: prod"))
        // Each row names its environment: staging's label alone, prod's with the environment name.
        // The list's rows (the detail pane's title names the selected id too).
        func row(of item: WorkItem) -> Substring? {
            screen.split(separator: "\n").first { $0.contains(String(item.id.prefix(16))) && !$0.contains("Detail:") }
        }
        let stagingItem = try #require(profiles.items[profiles.stagingEnv]?.first)
        #expect(row(of: stagingItem)?.contains("stg") == true)
        for env in profiles.prodEnvs {
            let item = try #require(profiles.items[env]?.first)
            #expect(row(of: item)?.contains("prod/") == true, "the row of \(item.id) names its prod environment:\n\(screen)")
        }

        // A graceful stop of one prod item from the merged view: the dialog names the profile.
        let target = try #require(profiles.items[profiles.prodEnvs[1]]?.first)
        try await isolate(target, among: profiles.all, tmux: tmux)
        try tmux.type("s")
        screen = try await tmux.waitFor(text: "profile  prod")
        #expect(screen.contains("PRODUCTION"))
        try tmux.type("y")
        try await tmux.waitFor("the stop answered", timeout: 10) { screen in
            screen.contains("Stop requested: \(target.id)") || screen.contains("\(target.id) stopped")
        }
        var counts = await profiles.stopRequests()
        #expect(counts.staging == 0 && counts.prod == 1)
        let stopped = await profiles.state(of: target)
        #expect(stopped == .stopping || stopped == .stopped, "the stop reached \(target.id) in its environment")
        for other in profiles.all where other.id != target.id {
            #expect(await profiles.state(of: other) == .queued, "\(other.id) untouched")
        }

        // A force stop in production needs the label typed: y alone sends nothing.
        let forced = try #require(profiles.items[profiles.prodEnvs[2]]?.first)
        try await isolate(forced, among: profiles.all, tmux: tmux)
        try tmux.type("S")
        try await tmux.waitFor(text: "type prod")
        try tmux.type("y")
        try tmux.press("Enter")
        try await tmux.waitFor(text: "type prod and press Enter")
        #expect(await profiles.stopRequests().prod == 1, "nothing sent for y and a wrong label")
        try tmux.press("BSpace")
        try tmux.type("prod")
        try tmux.press("Enter")
        // A production force stop also needs a reason: Enter asks for it, Enter keeps it, Enter stops.
        try await tmux.waitFor(text: "needs a reason")
        try tmux.type("e2e: stuck in prod")
        try tmux.press("Enter")
        try await tmux.waitFor(text: "e2e: stuck in prod  (Tab changes it)")
        try tmux.press("Enter")
        try await tmux.waitFor("the force stop answered", timeout: 10) { $0.contains("stopped (forced)") }
        counts = await profiles.stopRequests()
        #expect(counts.staging == 0 && counts.prod == 2)
        #expect(await profiles.state(of: forced) == .stopped)

        // The switcher: staging alone keeps the sort and the filter; all again shows everything.
        try tmux.press("Escape")
        try tmux.type("o")
        try await tmux.waitFor(text: "sort oldest first")
        try tmux.type("f")
        try await tmux.waitFor(text: "Enter applies")
        try tmux.type("jj")
        try tmux.press("Enter")
        try await tmux.waitFor(text: "filter queued")
        try tmux.type("e")
        try await tmux.waitFor(text: "Environments")
        try tmux.type("j")
        try tmux.press("Enter")
        screen = try await tmux.waitFor("staging alone", timeout: 10) { screen in
            screen.contains("Showing stg alone") && screen.contains("2 of 2")
        }
        #expect(screen.contains("sort oldest first") && screen.contains("filter queued"))
        #expect(!screen.contains(String(target.id.prefix(16))), "prod items are not listed")
        try tmux.type("e")
        try tmux.type("k")
        try tmux.press("Enter")
        screen = try await tmux.waitFor(text: "Showing all environments together")
        #expect(screen.contains("sort oldest first") && screen.contains("filter queued") && screen.contains("3 of 5"))
        try tmux.type("q")
        try await tmux.waitFor(text: "$ ")
    }

    @Test("one simulator killed: its environment shows STALE while the other profile's keep refreshing")
    func oneProfileDies() async throws {
        let profiles = try await TwoProfiles.make()
        defer { Task { await profiles.prod.shutdown() }; profiles.removeFiles() }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await launch(profiles, tmux: tmux)
        await profiles.staging.shutdown()
        try await tmux.waitFor(text: "STALE", timeout: 8)
        let fresh = try await profiles.prod.enqueue(environmentID: profiles.prodEnvs[0], count: 1, metadata: ["job": "late"])
        let id = try #require(fresh.first?.id)
        // Within one refresh (1 s) and a capture: the dead profile's waits hold nothing up.
        let screen = try await tmux.waitFor("the new prod item", timeout: 5) { $0.contains(String(id.prefix(16))) }
        #expect(screen.contains("STALE"))
        #expect(screen.contains("6 total"), "the staging items stay, with their age, beside the new one")
        try tmux.type("q")
        try await tmux.waitFor(text: "$ ")
    }
}
