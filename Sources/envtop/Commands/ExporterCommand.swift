import EnvtopRuntime
import ArgumentParser
import EnvtopCore
import EnvtopExporter
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
import ServiceLifecycle

/// `envtop exporter`: the environments' queues as Prometheus metrics on `/metrics`, refreshed in
/// the background on the dashboard's schedule; `/healthz` for orchestrators; loopback unless
/// `--allow-remote`; ends cleanly on SIGTERM or SIGINT.
struct ExporterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exporter",
        abstract: "Serve the environments' queue metrics for Prometheus on /metrics.",
        discussion: """
            Metrics (labels: environment and label, plus state, reason, rule or le; never a work or \
            session id): envtop_up, envtop_last_success_timestamp_seconds, envtop_queue_depth, \
            envtop_queue_pending, envtop_workers_polling, envtop_oldest_queued_age_seconds, envtop_items, \
            envtop_items_needing_attention, envtop_heartbeat_age_items, envtop_rule_failing, \
            envtop_arrivals_total, envtop_completions_total, envtop_api_requests_total. A scrape never \
            waits on the API: it reads the last values (see envtop_last_success_timestamp_seconds).
            """)

    @Option(help: "HOST:PORT to serve on (default 127.0.0.1:9464; port 0 picks a free one).")
    var listen = "127.0.0.1:9464"

    @Flag(name: .customLong("allow-remote"), help: "Allow a non-loopback --listen address (the metrics name your environments).")
    var allowRemote = false

    @OptionGroup var options: DashboardOptions

    func run() async throws {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65_535).contains(port)
        else { throw ValidationError("--listen takes HOST:PORT, e.g. 127.0.0.1:9464 (got \(listen))") }
        let host = String(listen[..<colon].filter { $0 != "[" && $0 != "]" })
        if !ExporterServer.isLoopback(host) && !allowRemote {
            throw ValidationError("--listen \(listen) is not a loopback address: add --allow-remote to serve the metrics beyond this machine")
        }
        let launcher = DashboardLauncher(options: options)
        let code = await launcher.script { (launcher, startup) async throws(StartupError) in
            let connection = try await launcher.connect(startup)
            defer { connection.shutdown() }
            guard let api = connection.api else { throw StartupError(.runtime, "no environment to export") }
            let model = ExporterModel(options: DashboardLauncher.stateOptions(startup, connection), api: api)
            var logger = Logger(label: "envtop.exporter")
            logger.logLevel = .warning
            let app = ExporterServer.application(model: model, host: host, port: port, logger: logger) { bound in
                let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(bound)/metrics"
                RawIO.write("envtop exporter: serving \(url)\n", to: RawIO.standardError)
            }
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(
                    services: [.init(service: app), .init(service: ExporterRefresher(model: model))],
                    gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            do {
                try await group.run()
            } catch {
                throw StartupError(.runtime, "the exporter stopped: \(error)")
            }
        }
        if code != 0 { throw ExitCode(code) }
    }
}
