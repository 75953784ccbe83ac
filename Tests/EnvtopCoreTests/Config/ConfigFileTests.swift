import EnvtopCore
import EnvtopUI
import Testing

/// The config file: every key it takes, and the exact message for each kind of mistake.
@Suite("Config file")
struct ConfigFileTests {
    let file = "/home/op/.config/envtop/config.yaml"

    func problem(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        do {
            _ = try EnvtopConfig.parse(text, file: file)
            Issue.record("the config loaded, but should not have", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error.description
        }
    }

    @Test("every key is read")
    func everyKey() throws {
        let config = try EnvtopConfig.parse("""
            # envtop config
            environment: env_0123
            base_url: http://127.0.0.1:8080
            workspace: wrkspc_01
            refresh: 0.5
            read_only: yes
            theme: dracula
            log_file: ~/envtop.log
            attention:
              lease_ttl_seconds: 120
              stopping_grace_seconds: 30
              starting_grace_seconds: 90.5
              queued_grace_seconds: 600
            """, file: file)
        #expect(config == EnvtopConfig(
            environment: "env_0123", baseURL: "http://127.0.0.1:8080", workspace: "wrkspc_01", refresh: 0.5,
            readOnly: true, theme: "dracula", logFile: "~/envtop.log", leaseTTLSeconds: 120,
            stoppingGraceSeconds: 30, startingGraceSeconds: 90.5, queuedGraceSeconds: 600))
    }

    @Test("an empty file, or only comments, sets nothing")
    func emptyFile() throws {
        #expect(try EnvtopConfig.parse("", file: file) == EnvtopConfig())
        #expect(try EnvtopConfig.parse("# theme: dracula\n", file: file) == EnvtopConfig())
    }

    @Test("an unknown key is an error that names it")
    func unknownKey() {
        #expect(problem("theme: nord\nrefesh: 5\n") == "\(file):2: unknown key 'refesh' (did you mean 'refresh'?)")
        #expect(problem("colour: always\n") == "\(file):1: unknown key 'colour'")
        #expect(problem("attention:\n  lease_ttl: 60\n")
            == "\(file):2: unknown key 'attention.lease_ttl' (did you mean 'attention.lease_ttl_seconds'?)")
    }

    @Test("bad values name the key and the value")
    func badValues() {
        #expect(problem("refresh: 0.1\n") == "\(file):1: refresh must be at least 0.5 (got 0.1)")
        #expect(problem("refresh: often\n") == "\(file):1: refresh must be a number (got 'often')")
        #expect(problem("read_only: maybe\n") == "\(file):1: read_only must be true or false (got 'maybe')")
        #expect(problem("attention:\n  queued_grace_seconds: 0\n")
            == "\(file):2: attention.queued_grace_seconds must be at least 1 (got 0)")
        #expect(problem("theme:\n") == "\(file):1: theme has no value")
        #expect(problem("environment: [a, b]\n") == "\(file):1: environment must be a single value, not a list or mapping")
        #expect(problem("theme: a\ntheme: b\n") == "\(file):2: duplicate key 'theme' (first set on line 1)")
        #expect(problem("theme: [nord\n") == "\(file):2: YAML syntax error at column 1: did not find expected ',' or ']' (while parsing a flow sequence from line 1)")
    }
}
