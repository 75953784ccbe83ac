import EnvtopRuntime
import ArgumentParser
import EnvtopSimulator
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// `envtop simulate`: runs the Work API simulator standalone, for trying envtop (or any SDK
/// worker) without an account, until SIGINT or SIGTERM.
public struct SimulateCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a simulated self-hosted environment API on 127.0.0.1.",
        discussion: """
            Serves every Work API call with the real semantics, seeded history (including stuck \
            and dead work), simulated workers and new arrivals. With no key options any non-empty \
            credential is accepted. --workers 0 --arrival-rate 0 gives a quiet environment that \
            nothing but the caller touches.
            Admin calls (no credential): POST /_sim/enqueue?environment_id=E&count=N, \
            GET|POST /_sim/faults (JSON, snake_case keys).
            """)

    @Option(help: "Port to listen on (0 picks a free one).") var port: Int = 0
    @Option(help: "Seed for the history and the simulated behaviour (7, as --demo and the screenshots).") var seed: UInt64 = 7
    @Option(help: "Number of environments.") var environments: Int = 3
    @Option(help: "Simulated workers per environment (0 = none).") var workers: Int = 4
    @Option(help: "New items per second per environment (0 = none).") var arrivalRate: Double = 0.5
    @Option(help: "Items of seeded history per environment.") var items: Int = 40
    @Option(help: "Lease TTL in seconds for heartbeats that name none.") var leaseTTL: Int = 20
    @Option(help: "Accept this API key (repeatable). Prefer ENVTOP_SIM_API_KEY: options show in ps.")
    var apiKey: [String] = []
    @Option(help: "Accept this environment key (repeatable). Prefer ENVTOP_SIM_ENVIRONMENT_KEY.")
    var environmentKey: [String] = []
    @Option(help: "Added latency in milliseconds.") var latencyMs: Int = 0
    @Option(help: "Extra random latency up to this many milliseconds.") var jitterMs: Int = 0
    @Option(help: "STATUS=P: answer this share of requests with STATUS (repeatable), e.g. 503=0.2.")
    var errorRate: [String] = []
    @Option(help: "Seconds sent as retry-after with injected 429 and 503.") var retryAfter: Double?
    @Option(help: "Share of answers with a truncated JSON body.") var malformedRate: Double = 0
    @Option(help: "Share of requests whose connection is closed without an answer.") var dropRate: Double = 0
    @Option(help: ArgumentHelp(
        "Play a trouble (repeatable): KIND, KIND:ENV (environment 1, 2...), KIND@SECONDS (after a delay), e.g. stalled_claim:2@10.",
        discussion: "Kinds: \(TroubleKind.allCases.map(\.rawValue).joined(separator: ", ")). Also POST /_sim/trouble."))
    var trouble: [String] = []

    public init() {}

    /// The simulator configuration these options describe.
    func makeConfiguration(environment: [String: String]) throws -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.port = port
        configuration.seed = seed
        configuration.environmentCount = environments
        configuration.workersPerEnvironment = workers
        configuration.arrivalRatePerSecond = arrivalRate
        configuration.initialItemsPerEnvironment = items
        configuration.leaseTTLSeconds = leaseTTL
        configuration.apiKeys = apiKey + (environment["ENVTOP_SIM_API_KEY"].map { [$0] } ?? [])
        configuration.environmentKeys =
            environmentKey + (environment["ENVTOP_SIM_ENVIRONMENT_KEY"].map { [$0] } ?? [])
        var faults = FaultSettings()
        faults.latencyMilliseconds = latencyMs
        faults.jitterMilliseconds = jitterMs
        faults.retryAfterSeconds = retryAfter
        faults.malformedRate = malformedRate
        faults.dropRate = dropRate
        for entry in errorRate {
            let parts = entry.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let status = Int(parts[0]), let rate = Double(parts[1]) else {
                throw ValidationError("--error-rate wants STATUS=P, e.g. 503=0.2; got \(entry)")
            }
            faults.errorRates[status] = rate
        }
        configuration.faults = faults
        configuration.troubles = try trouble.map(Self.parseTrouble)
        return configuration
    }

    /// "stalled_claim", "stalled_claim:2", "burst@10", "no_workers:3@20".
    static func parseTrouble(_ text: String) throws -> TroubleRequest {
        var rest = Substring(text)
        var after: Double?
        if let at = rest.firstIndex(of: "@") {
            guard let seconds = Double(rest[rest.index(after: at)...]), seconds >= 0 else {
                throw ValidationError("--trouble \(text): the delay after @ must be a number of seconds")
            }
            after = seconds
            rest = rest[..<at]
        }
        var index = 0
        if let colon = rest.firstIndex(of: ":") {
            guard let n = Int(rest[rest.index(after: colon)...]), n >= 1 else {
                throw ValidationError("--trouble \(text): the environment after : is its position, from 1")
            }
            index = n - 1
            rest = rest[..<colon]
        }
        guard let kind = TroubleKind(rawValue: String(rest)) else {
            let kinds = TroubleKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--trouble \(text): unknown kind '\(rest)' (one of \(kinds))")
        }
        return TroubleRequest(kind: kind, environmentIndex: index, afterSeconds: after)
    }

    public func run() async throws {
        let configuration = try makeConfiguration(environment: ProcessInfo.processInfo.environment)
        let server: SimulatorServer
        do { server = try await SimulatorServer.start(configuration) } catch {
            throw StartFailure(reason: String(describing: error))
        }
        // Unbuffered, so a script reading the output sees the URL while the server runs.
        RawIO.write((Self.banner(server: server, configuration: configuration) + "\n"), to: RawIO.standardOutput)
        await Self.waitForTerminationSignal()
        RawIO.write("envtop simulate: stopping\n", to: RawIO.standardOutput)
        await server.shutdown()
    }

    /// The simulator did not start (bad settings or a busy port): one plain line, no usage text.
    struct StartFailure: Error, CustomStringConvertible {
        var reason: String
        var description: String { "envtop simulate: \(reason)" }
    }

    /// What to tell the person who started the simulator: where it is and how to talk to it.
    /// Names the keys' variables, never the keys themselves.
    static func banner(server: SimulatorServer, configuration: SimulatorConfiguration) -> String {
        var lines = ["envtop simulator listening on \(server.baseURL)", "", "environments:"]
        lines += server.environmentIDs.map { "  \($0)" }
        lines += ["", "to connect envtop or an SDK worker:", "  export ANTHROPIC_BASE_URL=\(server.baseURL)"]
        if configuration.acceptsAnyCredential {
            lines += [
                "  export ANTHROPIC_ENVIRONMENT_KEY=sim-environment-key   # any non-empty value is accepted",
                "  export ANTHROPIC_API_KEY=sim-api-key",
            ]
        } else {
            lines += [
                "  export ANTHROPIC_ENVIRONMENT_KEY=...   # one of the environment keys you gave",
                "  export ANTHROPIC_API_KEY=...           # one of the API keys you gave",
            ]
        }
        if let first = server.environmentIDs.first {
            lines += [
                "  envtop --environment \(first)", "",
                "admin (no credential):",
                "  curl -X POST '\(server.baseURL)/_sim/enqueue?environment_id=\(first)&count=10'",
                "  curl -X POST \(server.baseURL)/_sim/faults -d '{\"error_rates\": {\"503\": 0.2}}'",
            ]
        }
        lines += ["", "Ctrl-C stops it."]
        return lines.joined(separator: "\n")
    }

    /// Returns on the first SIGINT or SIGTERM.
    static func waitForTerminationSignal() async {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { continuation.yield(signalNumber) }
            source.resume()
            sources.append(source)
        }
        for await _ in stream { break }
        for source in sources { source.cancel() }
    }
}
