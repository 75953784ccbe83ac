import EnvtopClient
import EnvtopCore
import EnvtopModels
import EnvtopRuntime
import EnvtopTesting
import Foundation
import Testing

/// Startup with profiles: reading each profile's keys (variable, private file, command) and
/// turning its `environments` into the environments watched, through a fake API per profile.
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

    // MARK: Environments

    func plan(
        _ profiles: [(profile: ProfileConfig, api: any DashboardAPI)], only: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async -> Result<WatchPlan, ConfigError> {
        do throws(ConfigError) {
            return .success(try await WatchPlan.resolve(profiles: profiles, file: file, only: only))
        } catch {
            return .failure(error)
        }
    }

    func problem(_ result: Result<WatchPlan, ConfigError>, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        switch result {
        case .success(let plan):
            Issue.record("resolved \(plan.environments.map(\.id)), but should have failed", sourceLocation: sourceLocation)
            return ""
        case .failure(let error):
            return error.description
        }
    }

    @Test("`all` watches the self-hosted, unarchived environments, marked with the profile")
    func allListsSelfHosted() async throws {
        let api = FakeDashboardAPI(environments: [
            Environment(id: "env_a", name: "Alpha"), Environment(id: "env_cloud", name: "Cloud", configType: "cloud"),
            Environment(id: "env_old", name: "Old", archivedAt: Date()), Environment(id: "env_b", name: "Beta"),
        ])
        let staging = profile("staging", color: .green, production: true)
        let resolved = try await plan([(staging, api)]).get()
        #expect(resolved.environments == [
            WatchedEnvironment(id: "env_a", name: "Alpha", profile: "staging", label: "STAGING", color: .green, production: true),
            WatchedEnvironment(id: "env_b", name: "Beta", profile: "staging", label: "STAGING", color: .green, production: true),
        ])
        #expect(resolved.profileOfEnvironment == ["env_a": "staging", "env_b": "staging"])
    }

    @Test("`all` with nothing to watch, or an API that fails, is an error at `environments`")
    func allFails() async {
        let none = FakeDashboardAPI(environments: [Environment(id: "env_c", name: "C", configType: "cloud")])
        #expect(problem(await plan([(profile("staging"), none)]))
            == "\(file):3: profile 'staging': no self-hosted environment is visible at http://staging.test")
        let down = FakeDashboardAPI()
        await down.reply(.fail(.transport("connection refused")), to: [.listEnvironments])
        #expect(problem(await plan([(profile("staging"), down)]))
            == "\(file):3: profile 'staging': cannot list the environments at http://staging.test: cannot reach the API: connection refused; list their ids in `environments:`, or leave this profile out with --profile")
    }

    @Test("listed ids are named by the API; an unknown one is an error at its line; a 403 keeps it unnamed")
    func listedIDs() async throws {
        let api = FakeDashboardAPI(environments: [Environment(id: "env_a", name: "Alpha")])
        #expect(problem(await plan([(profile("prod", environments: ids("env_a", "env_typo")), api)]))
            == "\(file):5: profile 'prod': unknown environment id 'env_typo' (the API at http://prod.test has no such environment)")
        let found = try await plan([(profile("prod", environments: ids("env_a")), api)]).get()
        #expect(found.environments.map(\.name) == ["Alpha"])

        await api.reply(.fail(.http(status: 403, type: "permission_error", message: "no", requestID: nil, details: nil)), to: [.getEnvironment])
        let unverified = try await plan([(profile("prod", environments: ids("env_x", "env_a")), api)]).get()
        #expect(unverified.environments.map(\.id) == ["env_x", "env_a"])
        #expect(unverified.environments.map(\.name) == [nil, nil])
    }

    @Test("the same environment in two profiles names both")
    func duplicateAcrossProfiles() async {
        let first = FakeDashboardAPI(environments: [Environment(id: "env_a", name: "A")])
        let second = FakeDashboardAPI(environments: [Environment(id: "env_b", name: "B"), Environment(id: "env_a", name: "A")])
        #expect(problem(await plan([(profile("one"), first), (profile("two", environments: ids("env_b", "env_a", line: 7)), second)]))
            == "\(file):8: profile 'two': environment 'env_a' is also in profile 'one' (line 3); watch each environment through one profile only")
    }

    @Test("more than 20 environments is refused, with how many each profile gives")
    func tooMany() async throws {
        let many = { (prefix: String, count: Int) in
            FakeDashboardAPI(environments: (1...count).map { Environment(id: "env_\(prefix)\($0)", name: "\($0)") })
        }
        #expect(problem(await plan([(profile("one"), many("a", 12)), (profile("two"), many("b", 9))]))
            == "\(file): envtop watches at most 20 environments; the profiles give 21 (one 12, two 9); use --profile or --environment to choose")
        let fits = await plan([(profile("one"), many("a", 12)), (profile("two"), many("b", 9))], only: ["env_a1", "env_b9"])
        #expect(try fits.get().environments.map(\.id) == ["env_a1", "env_b9"])
    }

    @Test("--environment keeps the ids named, in profile order, and refuses one no profile has")
    func onlyFilter() async throws {
        let one = FakeDashboardAPI(environments: [Environment(id: "env_a1", name: "A1"), Environment(id: "env_a2", name: "A2")])
        let two = FakeDashboardAPI(environments: [Environment(id: "env_b1", name: "B1"), Environment(id: "env_b2", name: "B2")])
        let profiles: [(profile: ProfileConfig, api: any DashboardAPI)] = [
            (profile("one"), one), (profile("two", environments: ids("env_b1", "env_b2")), two),
        ]
        let resolved = try await plan(profiles, only: ["env_b2", "env_a1"]).get()
        #expect(resolved.environments.map(\.id) == ["env_a1", "env_b2"])
        #expect(resolved.profileOfEnvironment == ["env_a1": "one", "env_b2": "two"])
        // An id ruled out is not asked about.
        #expect(await two.calls(to: .getEnvironment) == [.getEnvironment(id: "env_b2")])
        #expect(problem(await plan(profiles, only: ["env_a1", "env_zz"]))
            == "\(file): --environment env_zz is in no profile (searched 'one', 'two'); add it to a profile's environments list")
    }

    @Test("a listing that hands back a cursor it gave before ends instead of looping")
    func repeatedCursor() async throws {
        let api = LoopingEnvironmentPages()
        let resolved = try await plan([(profile("loop"), api)]).get()
        #expect(resolved.environments.map(\.id) == ["env_page1", "env_page2"])
        #expect(await api.pagesServed == 3)
    }

    @Test("calls naming an environment go to its profile's API; listing goes to the default")
    func routing() async throws {
        let one = FakeDashboardAPI(items: FakeWork.items(1...2, environment: "env_a"), environments: [Environment(id: "env_a", name: "A")])
        let two = FakeDashboardAPI(items: FakeWork.items(3...5, environment: "env_b"), environments: [Environment(id: "env_b", name: "B")])
        let routed = RoutedDashboardAPI(routes: ["env_a": one, "env_b": two], default: one)
        #expect(try await routed.listWork(environmentID: "env_b", limit: nil, page: nil).data.map(\.id) == ["work_0003", "work_0004", "work_0005"])
        #expect(try await routed.stopWork(environmentID: "env_a", workID: "work_0001", mode: .graceful).state == .stopping)
        #expect(await one.calls(to: .stopWork) == [.stopWork(environmentID: "env_a", workID: "work_0001", mode: .graceful)])
        #expect(await two.calls(to: .stopWork).isEmpty)
        #expect(await two.calls(to: .listWork).count == 1)
        #expect(try await routed.listEnvironments(limit: nil, page: nil, includeArchived: false).data.map(\.id) == ["env_a"])
        _ = try? await routed.stats(environmentID: "env_unknown")
        #expect(await one.calls(to: .stats) == [.stats(environmentID: "env_unknown")])
    }
}

/// An environment listing whose third page hands back the first page's cursor.
private actor LoopingEnvironmentPages: DashboardAPI {
    var pagesServed = 0

    func listEnvironments(limit: Int?, page: String?, includeArchived: Bool) async throws(APIError) -> EnvironmentPage {
        pagesServed += 1
        switch page {
        case nil: return EnvironmentPage(data: [Environment(id: "env_page1", name: "1")], nextPage: "p2")
        case "p2": return EnvironmentPage(data: [Environment(id: "env_page2", name: "2")], nextPage: "p3")
        default: return EnvironmentPage(data: [Environment(id: "env_page1", name: "1")], nextPage: "p2")
        }
    }

    func listWork(environmentID: String, limit: Int?, page: String?) async throws(APIError) -> WorkPage { throw .cancelled }
    func getWork(environmentID: String, workID: String) async throws(APIError) -> WorkItem { throw .cancelled }
    func stats(environmentID: String) async throws(APIError) -> QueueStats { throw .cancelled }
    func stopWork(environmentID: String, workID: String, mode: StopMode) async throws(APIError) -> WorkItem { throw .cancelled }
    func updateMetadata(environmentID: String, workID: String, patch: MetadataPatch) async throws(APIError) -> WorkItem {
        throw .cancelled
    }
    func getEnvironment(id: String) async throws(APIError) -> Environment { throw .cancelled }
}
