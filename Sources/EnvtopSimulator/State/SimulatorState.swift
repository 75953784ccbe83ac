import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The whole simulated API behind one lock: environments, their queues, issued sessions tokens,
/// request counts and the current faults. The HTTP routes and the simulated workers both go
/// through it, so they see the same world.
actor SimulatorState {
    /// Which item a sessions token was issued for.
    struct TokenOwner: Sendable, Hashable {
        var environmentID: String
        var workID: String
    }

    let configuration: SimulatorConfiguration
    private(set) var environments: [Environment] = []
    private var queues: [String: WorkQueue] = [:]
    private var ids: IdentifierFactory
    /// A separate stream, so the number of requests does not change the ids of later items.
    private var requestIDs: IdentifierFactory
    private var tokens: [String: TokenOwner] = [:]
    private var counts: [String: Int] = [:]
    private(set) var faults: FaultSettings
    private var faultRandom: SplitMix64
    /// Where the server listens, for the `api_base_url` inside each secret.
    private(set) var baseURL = ""
    /// Environments whose simulated workers stop polling until the date (the "no workers" trouble).
    private var workersPausedUntil: [String: Date] = [:]

    init(configuration: SimulatorConfiguration, now: Date = Date()) {
        self.configuration = configuration
        let root = SplitMix64(seed: configuration.seed)
        ids = IdentifierFactory(random: root.derived(1))
        requestIDs = IdentifierFactory(random: root.derived(3))
        faults = configuration.faults
        faultRandom = root.derived(2)
        let created = now.addingTimeInterval(-86_400 * 3)
        for index in 0..<max(0, configuration.environmentCount) {
            let profile = EnvironmentProfile.forIndex(index)
            let environment = Environment(
                id: ids.environmentID(), name: "sim-\(profile.name)-\(index + 1)",
                description: "Simulated self-hosted environment (\(profile.summary))", configType: "self_hosted",
                metadata: ["simulator": "envtop", "profile": profile.name],
                createdAt: created.addingTimeInterval(Double(index) * 60), updatedAt: created, archivedAt: nil,
                scope: nil)
            environments.append(environment)
            queues[environment.id] = WorkQueue(
                environmentID: environment.id, defaultLeaseTTLSeconds: configuration.leaseTTLSeconds)
        }
    }

    func setBaseURL(_ url: String) { baseURL = url }

    var environmentIDs: [String] { environments.map(\.id) }

    // MARK: - Requests, credentials, faults

    func countRequest(_ route: SimulatorRoute) { counts[route.rawValue, default: 0] += 1 }

    var requestCounts: [String: Int] { counts }

    func nextRequestID() -> String { requestIDs.requestID() }

    /// Who the credential belongs to, or nil when it is not one the simulator accepts.
    func identify(_ credential: String) -> Caller? {
        guard !credential.isEmpty else { return nil }
        if let owner = tokens[credential] {
            return .sessionsToken(environmentID: owner.environmentID, workID: owner.workID)
        }
        if configuration.apiKeys.contains(credential) { return .apiKey }
        if configuration.environmentKeys.contains(credential) { return .environmentKey }
        if configuration.acceptsAnyCredential, !credential.hasPrefix(SessionSecret.tokenPrefix) {
            return .anyCredential
        }
        return nil
    }

    func setFaults(_ newFaults: FaultSettings) { faults = newFaults }

    /// Rolls the dice for one request.
    func decideFaults(path: String) -> FaultDecision {
        FaultDecision.roll(faults, path: path, using: &faultRandom)
    }

    // MARK: - Environments

    func environment(id: String) throws(SimulatorError) -> Environment {
        guard let environment = environments.first(where: { $0.id == id }) else {
            throw .notFound("no environment \(id)")
        }
        return environment
    }

    // MARK: - Work

    private func withQueue<T>(
        _ environmentID: String, _ body: (inout WorkQueue) throws(SimulatorError) -> T
    ) throws(SimulatorError) -> T {
        guard var queue = queues[environmentID] else { throw .notFound("no environment \(environmentID)") }
        queues[environmentID] = nil  // keep the queue uniquely referenced while it changes
        defer { queues[environmentID] = queue }
        return try body(&queue)
    }

    func enqueue(
        environmentID: String, count: Int, metadata: [String: String], kind: WorkData.Kind = .session,
        now: Date = Date()
    ) throws(SimulatorError) -> [WorkItem] {
        guard count >= 0 else { throw .badRequest("count must be >= 0") }
        var made: [WorkItem] = []
        made.reserveCapacity(count)
        try withQueue(environmentID) { queue throws(SimulatorError) in
            for _ in 0..<count {
                let data = WorkData(id: kind == .session ? ids.sessionID() : ids.make(prefix: "hc_"), kind: kind)
                made.append(queue.enqueue(workID: ids.workID(), data: data, metadata: metadata, now: now))
            }
        }
        return made
    }

    /// Like `enqueue`, without collecting the new items: the fast path for large seeds.
    func enqueueSilently(
        environmentID: String, count: Int, metadata: [String: String], now: Date = Date()
    ) throws(SimulatorError) {
        guard count >= 0 else { throw .badRequest("count must be >= 0") }
        try withQueue(environmentID) { queue throws(SimulatorError) in
            queue.reserveCapacity(queue.count + count)
            for _ in 0..<count {
                queue.enqueue(workID: ids.workID(), data: WorkData(id: ids.sessionID()), metadata: metadata, now: now)
            }
        }
    }

    /// Adds seeded history records (already in creation order).
    func insertHistory(environmentID: String, records: [WorkQueue.Record]) throws(SimulatorError) {
        try withQueue(environmentID) { queue throws(SimulatorError) in
            for record in records { queue.insert(record) }
        }
    }

    /// Ids for the history seeder, from the same seeded stream.
    func makeIDs(count: Int) -> [(work: String, session: String)] {
        (0..<count).map { _ in (ids.workID(), ids.sessionID()) }
    }

    func item(environmentID: String, id: String) throws(SimulatorError) -> WorkItem {
        guard let queue = queues[environmentID] else { throw .notFound("no environment \(environmentID)") }
        guard let item = queue.item(id: id) else {
            throw .notFound("no work item \(id) in environment \(environmentID)")
        }
        return item
    }

    func record(environmentID: String, id: String) -> WorkQueue.Record? {
        queues[environmentID]?.record(id: id)
    }

    func items(environmentID: String) -> [WorkItem] {
        queues[environmentID]?.itemsNewestFirst ?? []
    }

    func list(environmentID: String, limit: Int?, page: String?) throws(SimulatorError) -> WorkPage {
        guard let queue = queues[environmentID] else { throw .notFound("no environment \(environmentID)") }
        return try queue.list(limit: limit, page: page)
    }

    func stats(environmentID: String, now: Date = Date()) throws(SimulatorError) -> QueueStats {
        try withQueue(environmentID) { queue in queue.stats(now: now) }
    }

    /// Claims an item and fills its `secret` with a fresh sessions token for it.
    func poll(
        environmentID: String, workerID: String?, reclaimAfter: TimeInterval, now: Date = Date()
    ) throws(SimulatorError) -> WorkItem? {
        let claimed = try withQueue(environmentID) { queue in
            queue.poll(workerID: workerID, reclaimAfter: reclaimAfter, now: now)
        }
        guard var item = claimed else { return nil }
        let token = IdentifierFactory.sessionsToken()
        tokens[token] = TokenOwner(environmentID: environmentID, workID: item.id)
        item.secret = SessionSecret.make(sessionsToken: token, apiBaseURL: baseURL)
        return item
    }

    func ack(environmentID: String, id: String, now: Date = Date()) throws(SimulatorError) -> WorkItem {
        try withQueue(environmentID) { queue throws(SimulatorError) in try queue.ack(id: id, now: now) }
    }

    func heartbeat(
        environmentID: String, id: String, expected: String?, desiredTTLSeconds: Int?, now: Date = Date()
    ) throws(SimulatorError) -> HeartbeatResponse {
        try withQueue(environmentID) { queue throws(SimulatorError) in
            try queue.heartbeat(id: id, expected: expected, desiredTTLSeconds: desiredTTLSeconds, now: now)
        }
    }

    func stop(environmentID: String, id: String, force: Bool, now: Date = Date()) throws(SimulatorError) -> WorkItem {
        try withQueue(environmentID) { queue throws(SimulatorError) in try queue.stop(id: id, force: force, now: now) }
    }

    // MARK: - Trouble

    func hold(environmentID: String, id: String, polledBy workerID: String?, now: Date = Date()) throws(SimulatorError) {
        try withQueue(environmentID) { queue throws(SimulatorError) in try queue.hold(id: id, polledBy: workerID, now: now) }
    }

    func release(environmentID: String, id: String) {
        try? withQueue(environmentID) { queue in queue.release(id: id) }
    }

    func pauseWorkers(environmentID: String, until: Date) { workersPausedUntil[environmentID] = until }

    func workersPaused(environmentID: String, now: Date = Date()) -> Bool {
        guard let until = workersPausedUntil[environmentID] else { return false }
        return now < until
    }

    func updateMetadata(
        environmentID: String, id: String, patch: [String: String?]
    ) throws(SimulatorError) -> WorkItem {
        try withQueue(environmentID) { queue throws(SimulatorError) in try queue.updateMetadata(id: id, patch: patch) }
    }
}
