import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Hummingbird
import Logging
import NIOCore

/// A simulated Work API over real HTTP on 127.0.0.1: every endpoint with the real semantics,
/// seeded history, simulated workers and arrivals, and injectable faults.
///
/// ```swift
/// let server = try await SimulatorServer.start(configuration)
/// defer { Task { await server.shutdown() } }
/// print(server.baseURL, server.environmentIDs)
/// ```
public final class SimulatorServer: Sendable {
    /// Why `start` refused.
    public enum StartError: Error, CustomStringConvertible, Sendable {
        case notLoopback(String)
        case invalidConfiguration(String)
        case couldNotBind(String)

        public var description: String {
            switch self {
            case .notLoopback(let host): "the simulator only listens on 127.0.0.1, not \(host)"
            case .invalidConfiguration(let why): "invalid simulator configuration: \(why)"
            case .couldNotBind(let why): "the simulator could not listen: \(why)"
            }
        }
    }

    let state: SimulatorState
    /// `http://127.0.0.1:PORT`, no trailing slash.
    public let baseURL: String
    /// The bound port.
    public let port: Int
    /// The simulated environments, in creation order.
    public let environmentIDs: [String]
    private let serverTask: Task<Void, any Error>
    private let activity: ActivityDriver
    private let troubles: TroubleRunner

    private init(
        state: SimulatorState, port: Int, environmentIDs: [String], serverTask: Task<Void, any Error>,
        activity: ActivityDriver, troubles: TroubleRunner
    ) {
        self.state = state
        self.port = port
        self.baseURL = "http://127.0.0.1:\(port)"
        self.environmentIDs = environmentIDs
        self.serverTask = serverTask
        self.activity = activity
        self.troubles = troubles
    }

    /// Starts a trouble now (also `POST /_sim/trouble`), in the first environment unless told.
    public func startTrouble(_ request: TroubleRequest) async {
        await troubles.start(request, environmentID: request.environmentID ?? environmentIDs[0])
    }

    public static func start(_ configuration: SimulatorConfiguration) async throws -> SimulatorServer {
        try validate(configuration)
        let state = SimulatorState(configuration: configuration)
        let adoptions = try await HistorySeeder.seed(state: state, configuration: configuration, now: Date())

        var logger = Logger(label: "envtop.simulator")
        logger.logLevel = .critical
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let troubles = TroubleRunner(state: state)
        let application = Application(
            responder: SimulatorResponder(state: state, troubles: troubles),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        let serverTask = Task {
            defer { portContinuation.finish() }
            try await application.run()
        }
        var portIterator = ports.makeAsyncIterator()
        guard let port = await portIterator.next(), port > 0 else {
            serverTask.cancel()
            if case .failure(let error) = await serverTask.result {
                throw StartError.couldNotBind(String(describing: error))
            }
            throw StartError.couldNotBind("the server stopped before it listened")
        }
        let baseURL = "http://127.0.0.1:\(port)"
        await state.setBaseURL(baseURL)
        let activity = ActivityDriver(state: state, configuration: configuration, adoptions: adoptions)
        await activity.start()
        let environmentIDs = await state.environmentIDs
        for trouble in configuration.troubles {
            let index = min(max(0, trouble.environmentIndex ?? 0), environmentIDs.count - 1)
            await troubles.start(trouble, environmentID: trouble.environmentID ?? environmentIDs[index])
        }
        return SimulatorServer(
            state: state, port: port, environmentIDs: environmentIDs, serverTask: serverTask,
            activity: activity, troubles: troubles)
    }

    static func validate(_ configuration: SimulatorConfiguration) throws {
        guard configuration.host == "127.0.0.1" else { throw StartError.notLoopback(configuration.host) }
        var problems: [String] = []
        if !(0...65_535).contains(configuration.port) { problems.append("port must be 0...65535") }
        if configuration.environmentCount < 1 { problems.append("at least one environment") }
        if configuration.workersPerEnvironment < 0 { problems.append("workers must be >= 0") }
        if configuration.arrivalRatePerSecond < 0 { problems.append("arrival rate must be >= 0") }
        if configuration.initialItemsPerEnvironment < 0 { problems.append("initial items must be >= 0") }
        if configuration.leaseTTLSeconds < 1 { problems.append("lease TTL must be >= 1 s") }
        if configuration.apiKeys.contains(where: \.isEmpty) || configuration.environmentKeys.contains(where: \.isEmpty) {
            problems.append("keys must not be empty")
        }
        if !Set(configuration.apiKeys).isDisjoint(with: configuration.environmentKeys) {
            problems.append("a key cannot be both an API key and an environment key")
        }
        problems += configuration.faults.validationProblems()
        if !problems.isEmpty { throw StartError.invalidConfiguration(problems.joined(separator: "; ")) }
    }

    // MARK: - Control

    /// Replaces the injected faults (also `POST /_sim/faults`).
    public func setFaults(_ faults: FaultSettings) async { await state.setFaults(faults) }

    public func faults() async -> FaultSettings { await state.faults }

    /// Creates `count` queued session items in the environment (also `POST /_sim/enqueue`).
    public func enqueue(environmentID: String, count: Int, metadata: [String: String] = [:]) async throws -> [WorkItem] {
        try await state.enqueue(environmentID: environmentID, count: count, metadata: metadata)
    }

    /// Fills an environment with `count` queued items without building their answers: the fast
    /// path for scale tests and the list benchmark.
    public func seedQueuedItems(environmentID: String, count: Int, metadata: [String: String] = [:]) async throws {
        try await state.enqueueSilently(environmentID: environmentID, count: count, metadata: metadata)
    }

    public func workItem(environmentID: String, id: String) async -> WorkItem? {
        try? await state.item(environmentID: environmentID, id: id)
    }

    /// Every item of the environment, newest first (the list order).
    public func items(environmentID: String) async -> [WorkItem] {
        await state.items(environmentID: environmentID)
    }

    /// Requests received, by route (`SimulatorRoute` raw values, e.g. `SimulatorRoute.listWork`).
    public func requestCounts() async -> [String: Int] { await state.requestCounts }

    /// The queue stats the API would answer right now.
    public func stats(environmentID: String) async throws -> QueueStats {
        try await state.stats(environmentID: environmentID)
    }

    /// Starts a server, runs `body` with it, and shuts the server down however `body` ends, so a
    /// failing caller (a test, a script) never leaves a listener and its workers running.
    public static func withRunning<T>(
        _ configuration: SimulatorConfiguration, _ body: (SimulatorServer) async throws -> T
    ) async throws -> T {
        let server = try await start(configuration)
        do {
            let result = try await body(server)
            await server.shutdown()
            return result
        } catch {
            await server.shutdown()
            throw error
        }
    }

    /// Stops the simulated workers and arrivals, then the HTTP server. Idempotent.
    public func shutdown() async {
        await troubles.stop()
        await activity.stop()
        serverTask.cancel()
        _ = await serverTask.result
    }
}
