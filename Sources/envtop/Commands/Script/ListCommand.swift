import ArgumentParser
import EnvtopCore
import EnvtopUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `envtop list`: every work item of the environments (all pages), optionally only those a
/// search-line query matches, as text, JSON, JSON lines or CSV.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print every work item (all pages) as text, json, jsonl or csv.",
        discussion: """
            --filter takes the search line's query language, e.g. 'state:stopping hb>60s', \
            'attention:any -env:prod', 'meta.team:infra'. Data goes to stdout, diagnostics to stderr. \
            Exit codes: 0 ok, 1 the API failed, 2 usage or config, 3 a runbook rule is failing.
            """)

    @Option(help: "Only the items this query matches (the search line's language: state:, env:, hb>60s, age>10m, meta.KEY:, attention:any, -negation).")
    var filter: String?

    @OptionGroup var options: DashboardOptions

    func run() async throws {
        let filter = self.filter
        try await ScriptRun.command(options) { (launcher, startup) async throws(StartupError) in
            try await ScriptRun.emit(launcher, startup: startup, filter: filter) { state, format in ScriptOutput.items(state, as: format) }
        }
    }
}

/// `envtop stats`: each environment's queue (depth, pending, oldest wait, workers), items by
/// state and by attention reason, and the runbook rules failing.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print each environment's queue stats and health as text, json, jsonl or csv.",
        discussion: "Exit codes: 0 ok, 1 the API failed, 2 usage or config, 3 a runbook rule is failing (for cron and monitoring checks).")

    @OptionGroup var options: DashboardOptions

    func run() async throws {
        try await ScriptRun.command(options) { (launcher, startup) async throws(StartupError) in
            try await ScriptRun.emit(launcher, startup: startup) { state, format in ScriptOutput.environments(state, as: format) }
        }
    }
}
