import EnvtopCore
import Testing

/// The `profiles:` section: what a good one reads as (lines included, for the checks made at
/// startup), and the file, line and plain message for each kind of mistake.
@Suite("Config profiles")
struct ProfileParsingTests {
    let file = "/home/op/.config/envtop/config.yaml"

    func problem(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        do {
            _ = try EnvtopConfig.parse(text, file: file)
            Issue.record("the config loaded, but should not have", sourceLocation: sourceLocation)
            return ""
        } catch {
            return error.description
        }
    }

    @Test("two profiles read with every value and its line")
    func twoProfiles() throws {
        let config = try EnvtopConfig.parse("""
            refresh: 2
            profiles:
              staging:
                base_url: http://127.0.0.1:8080
                workspace: wrkspc_01
                api_key_env: STAGING_API_KEY
                environment_key_file: ~/.config/envtop/staging.key
                color: green
              prod:
                base_url: https://api.anthropic.com
                environments: [env_a, env_b]
                api_key_command: pass show anthropic/prod
                environment_key_env: PROD_ENV_KEY
                label: PROD
                color: Red
                production: yes
            """, file: file)
        #expect(config.refresh == 2)
        #expect(config.profiles == [
            ProfileConfig(
                name: "staging", line: 3, baseURL: "http://127.0.0.1:8080", environments: .all(line: 3),
                workspace: "wrkspc_01", apiKey: KeySource(kind: .variable("STAGING_API_KEY"), line: 6),
                environmentKey: KeySource(kind: .file("~/.config/envtop/staging.key"), line: 7), color: .green),
            ProfileConfig(
                name: "prod", line: 9, baseURL: "https://api.anthropic.com",
                environments: .ids([ListedEnvironment(id: "env_a", line: 11), ListedEnvironment(id: "env_b", line: 11)]),
                apiKey: KeySource(kind: .command("pass show anthropic/prod"), line: 12),
                environmentKey: KeySource(kind: .variable("PROD_ENV_KEY"), line: 13), label: "PROD", color: .red,
                production: true),
        ])
        #expect(config.profiles[0].label == "staging")
        #expect(config.profiles[0].production == false)
    }

    @Test("a block list keeps each id's own line; `all` keeps the line of `environments`")
    func blockListAndAll() throws {
        let config = try EnvtopConfig.parse("""
            profiles:
              local:
                base_url: http://localhost:8080/api
                environments:
                  - env_one
                  - env_two
              other:
                base_url: https://example.com
                environments: all
            """, file: file)
        #expect(config.profiles.map(\.environments) == [
            .ids([ListedEnvironment(id: "env_one", line: 5), ListedEnvironment(id: "env_two", line: 6)]),
            .all(line: 9),
        ])
    }

    @Test("no profiles key: no profiles, and the top-level keys as before")
    func noProfiles() throws {
        let config = try EnvtopConfig.parse("environment: env_1\nbase_url: http://x\n", file: file)
        #expect(config.profiles.isEmpty)
        #expect(config == EnvtopConfig(environment: "env_1", baseURL: "http://x"))
    }

    @Test("an unknown key in a profile names the profile and suggests the key")
    func unknownKey() {
        #expect(problem("profiles:\n  staging:\n    base_url: http://x\n    colour: red\n")
            == "\(file):4: profile 'staging': unknown key 'colour' (did you mean 'color'?)")
        #expect(problem("profiles:\n  staging:\n    base_url: http://x\n    api_key: k\n")
            == "\(file):4: profile 'staging': unknown key 'api_key' (did you mean 'api_key_env'?)")
    }

    @Test("a profile without base_url is an error at its name")
    func missingBaseURL() {
        let expected = "profile 'staging' has no base_url; every profile names the API it talks to (e.g. base_url: https://api.anthropic.com)"
        #expect(problem("profiles:\n  staging:\n    label: stg\n") == "\(file):2: \(expected)")
        #expect(problem("profiles:\n  prod:\n    base_url: http://x\n  staging:\n") == "\(file):4: \(expected)")
    }

    @Test("base_url must be http or https with a host")
    func badBaseURL() {
        #expect(problem("profiles:\n  staging:\n    base_url: ftp://x\n")
            == "\(file):3: profile 'staging': base_url must start with http:// or https:// and name a host (got 'ftp://x')")
        #expect(problem("profiles:\n  staging:\n    base_url: https://\n").hasPrefix("\(file):3: profile 'staging': base_url must start"))
        #expect(problem("profiles:\n  staging:\n    base_url: 127.0.0.1:8080\n").hasPrefix("\(file):3: "))
    }

    @Test("two profiles with one label: the second is the error, naming the first and its line")
    func duplicateLabel() {
        #expect(problem("""
            profiles:
              staging:
                base_url: http://a
                label: prod
              prod:
                base_url: http://b
            """) == "\(file):5: profile 'prod': label 'prod' is already used by profile 'staging' (line 4); each profile needs its own label, so set another `label:`")
        #expect(problem("""
            profiles:
              a:
                base_url: http://a
              b:
                base_url: http://b
                label: a
            """).hasPrefix("\(file):6: profile 'b': label 'a' is already used by profile 'a' (line 2)"))
    }

    @Test("one key from two sources is an error at the second")
    func twoSources() {
        #expect(problem("""
            profiles:
              staging:
                base_url: http://a
                api_key_env: STAGING_KEY
                api_key_file: ~/staging.key
            """) == "\(file):5: profile 'staging': api_key_env (line 4) and api_key_file both say where the API key comes from; keep one")
        #expect(problem("""
            profiles:
              staging:
                base_url: http://a
                environment_key_command: pass env
                environment_key_env: ENV_KEY
            """).hasPrefix("\(file):5: profile 'staging': environment_key_command (line 4) and environment_key_env both say where the environment key"))
    }

    @Test("a key source names a variable, never holds the key, and is never echoed")
    func keySourceValues() {
        let pasted = problem("profiles:\n  s:\n    base_url: http://a\n    api_key_env: sk-ant-api03-SECRET\n")
        #expect(pasted.hasPrefix("\(file):4: profile 's': api_key_env looks like a key itself"))
        #expect(!pasted.contains("SECRET"))
        #expect(problem("profiles:\n  s:\n    base_url: http://a\n    api_key_env: $STAGING_KEY\n")
            == "\(file):4: profile 's': api_key_env must be the name of an environment variable (letters, digits and _, without $)")
        #expect(problem("profiles:\n  s:\n    base_url: http://a\n    api_key_file:\n")
            == "\(file):4: profile 's': api_key_file has no value")
    }

    @Test("a bad colour lists the allowed ones")
    func badColor() {
        #expect(problem("profiles:\n  s:\n    base_url: http://a\n    color: gren\n")
            == "\(file):4: profile 's': unknown color 'gren' (did you mean 'green'?); use one of red, green, yellow, blue, magenta, cyan, white")
        #expect(problem("profiles:\n  s:\n    base_url: http://a\n    production: maybe\n")
            == "\(file):4: profile 's': production must be true or false (got 'maybe')")
    }

    @Test("environments is `all` or a non-empty list of ids")
    func badEnvironments() {
        let prefix = "\(file):4: profile 's': environments"
        let text = { (value: String) in "profiles:\n  s:\n    base_url: http://a\n    environments: \(value)\n" }
        #expect(problem(text("env_a")) == "\(prefix) must be `all` or a list of ids (got 'env_a'; for one id write [env_a])")
        #expect(problem(text("[]")) == "\(prefix) is an empty list; write `all`, or a list of environment ids like [env_a, env_b]")
        #expect(problem(text("")) == "\(prefix) has no value; write `all`, or a list of environment ids like [env_a, env_b]")
        #expect(problem(text("{a: b}")).hasPrefix("\(prefix) must be `all` or a list of ids, not a mapping"))
        #expect(problem(text("[[env_a]]")) == "\(prefix) must list single values, not lists or mappings")
        #expect(problem(text("[env_a, '']")) == "\(file):4: profile 's': an item of environments is empty; each must be an environment id")
    }

    @Test("an id listed twice in one profile is an error at the second")
    func duplicateID() {
        #expect(problem("""
            profiles:
              s:
                base_url: http://a
                environments:
                  - env_a
                  - env_b
                  - env_a
            """) == "\(file):7: profile 's': environment 'env_a' is listed twice (first on line 5)")
    }

    @Test("profiles must be a non-empty mapping")
    func badProfilesSection() {
        let empty = "profiles is empty; give at least one profile (a name, then its indented base_url), or remove the key"
        #expect(problem("profiles:\n") == "\(file):1: \(empty)")
        #expect(problem("refresh: 2\nprofiles: {}\n") == "\(file):2: \(empty)")
        #expect(problem("profiles: [staging, prod]\n")
            == "\(file):1: profiles must be a mapping of profile names to their settings (`staging:`, then indented `base_url: ...`)")
        #expect(problem("profiles:\n  staging: http://a\n") == "\(file):2: profile 'staging' must be a mapping of `key: value` lines")
    }

    @Test("top-level environment, base_url or workspace beside profiles must move into a profile")
    func topLevelBesideProfiles() {
        let profiles = "profiles:\n  s:\n    base_url: http://a\n"
        #expect(problem("base_url: http://x\n" + profiles)
            == "\(file):1: top-level base_url cannot be used with profiles: (line 2); move it into each profile that needs it")
        #expect(problem(profiles + "environment: env_a\n")
            == "\(file):4: top-level environment cannot be used with profiles: (line 1); move it into a profile's `environments:` list")
        #expect(problem("theme: nord\nworkspace: w\n" + profiles).hasPrefix("\(file):2: top-level workspace cannot be used with profiles:"))
    }
}
