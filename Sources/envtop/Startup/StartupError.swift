/// Why envtop ends before (or instead of) the dashboard: the message for stderr, and the exit
/// code scripts see.
///
/// The codes are part of the command line's contract: 2 when the operator must change how envtop
/// is started (options, config, theme, credentials, terminal), 1 when something failed at run
/// time (the API, the demo simulator), 3 when a script command found a runbook rule failing, 0
/// only for success.
struct StartupError: Error, CustomStringConvertible {
    enum Kind: Sendable, Equatable {
        /// Options, credentials: how envtop was started.
        case usage
        case config
        case theme
        /// No usable terminal, or curses could not start.
        case terminal
        /// The API, the demo simulator: failures while running.
        case runtime
        /// A script command's answer: a runbook rule is failing (for cron and monitoring checks).
        case health
    }

    let kind: Kind
    /// The text for stderr, without the `envtop: ` prefix.
    let message: String

    init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    var exitCode: Int32 {
        switch kind {
        case .usage, .config, .theme, .terminal: 2
        case .runtime: 1
        case .health: 3
        }
    }

    var description: String { message }
}
