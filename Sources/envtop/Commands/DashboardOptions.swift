import ArgumentParser
import EnvtopUI

/// The dashboard's command-line options.
struct DashboardOptions: ParsableArguments {
    @Option(name: [.short, .long], help: """
        An environment to watch (env_...); repeat it for several. Without it, envtop watches every \
        self-hosted environment the credentials (or the chosen profiles) can see, up to 20.
        """)
    var environment: [String] = []

    @Option(name: [.short, .long], help: """
        A profile of the config file to watch; repeat it for several (default: every profile). \
        Several environments open on the merged view; e switches between them.
        """)
    var profile: [String] = []

    @Option(name: .customLong("base-url"), help: "API base URL without profiles. Default: $ANTHROPIC_BASE_URL, else https://api.anthropic.com.")
    var baseURL: String?

    @Option(help: "Workspace id, sent as anthropic-workspace-id, for credentials that span workspaces.")
    var workspace: String?

    @Option(help: """
        Seconds between refreshes (default: the config's refresh, else 2; at least 0.5). While the API \
        fails, retries come at most max(refresh, 3 s) apart; data older than refresh + 3 s is marked STALE.
        """)
    var refresh: Double?

    /// nil when not given, so the config file's `read_only` applies; `--no-read-only` overrides it.
    @Flag(inversion: .prefixedNo, help: "No key can change anything; the screen says so.")
    var readOnly: Bool?

    @Flag(help: "Watch live simulated environments on loopback (two profiles, one production): no account, no network.")
    var demo = false

    @Option(help: "Seed of the --demo simulator (the same seed gives the same history).")
    var seed: UInt64 = 7

    @Flag(help: "Print one plain-text snapshot of the stats and the work list to stdout, then exit.")
    var once = false

    @Option(
        help: "Theme name or path to a theme file (default: the config's theme, else default).",
        completion: .custom { _, _, _ in ThemeCatalog.standard().names() })
    var theme: String?

    @Flag(name: .customLong("list-themes"), help: "List the available themes and exit.")
    var listThemes = false

    @Option(
        name: .customLong("log-file"), help: "Where diagnostics go (default: $XDG_STATE_HOME/envtop/envtop.log).",
        completion: .file())
    var logFile: String?

    @Option(help: "Config file to read instead of $XDG_CONFIG_HOME/envtop/config.yaml.", completion: .file(extensions: ["yaml"]))
    var config: String?

    @Option(name: [.short, .customLong("output")], help: "With --once (and list, stats, stop): text, json, jsonl or csv.")
    var output: OutputFormat = .text

    @Option(help: "Seconds --once and the script commands wait for the API to connect and answer (default 5).")
    var timeout: Double = 5

    @Flag(name: .customLong("api-key-stdin"), help: """
        Read keys from stdin, never from an argument: a bare line is the API key; \
        ANTHROPIC_ENVIRONMENT_KEY=… and ANTHROPIC_AUTH_TOKEN=… lines set those.
        """)
    var apiKeyStdin = false

    func validate() throws {
        if !(timeout > 0) { throw ValidationError("--timeout must be more than 0 seconds (got \(timeout))") }
        if let refresh, !(refresh >= 0.5) {
            throw ValidationError("--refresh must be at least 0.5 seconds (got \(refresh))")
        }
    }
}
