import EnvtopClient
import EnvtopModels
import Foundation

/// A `DashboardAPI` for tests: a small in-memory server whose every reply the test scripts
/// (answer now, after a delay, hold until released, fail), and which records every call.
///
/// The server acts on a call when it arrives (a stop changes the item at once) and computes the
/// answer then; the script only decides when, and whether, that answer reaches the caller. Each
/// item belongs to the environment its `environmentID` names, and a call sees only the items of
/// the environment it names; `takeDown` makes one environment fail every call.
public actor FakeDashboardAPI: DashboardAPI {
    /// Every call received, in arrival order.
    public private(set) var calls: [FakeAPICall] = []
    /// What `listWork` pages through, in order.
    public private(set) var items: [WorkItem]
    public private(set) var environments: [Environment]
    /// Replies for calls not scripted with `replyOnce`; `.answer` unless set.
    private var standing: [FakeAPICall.Endpoint: FakeReply] = [:]
    private var once: [FakeAPICall.Endpoint: [FakeReply]] = [:]
    private var held: [(endpoint: FakeAPICall.Endpoint, resume: CheckedContinuation<APIError?, Never>)] = []
    /// Environments that fail every call, and with what.
    private var down: [String: APIError] = [:]

    public init(items: [WorkItem] = [], environments: [Environment]? = nil) {
        self.items = items
        self.environments = environments ?? [Environment(id: FakeWork.environmentID, name: "Fake")]
    }

    // MARK: Scripting

    /// Serves `items` from now on (calls already answered or held keep what they got).
    public func serve(_ items: [WorkItem]) {
        self.items = items
    }

    /// Every call naming `environmentID` fails with `error` from now on, at once.
    public func takeDown(_ environmentID: String, with error: APIError = .transport("connection refused")) {
        down[environmentID] = error
    }

    /// The environment answers again.
    public func bringUp(_ environmentID: String) {
        down[environmentID] = nil
    }

    /// How `endpoints` answer from now on, after any `replyOnce` replies are used up.
    public func reply(_ reply: FakeReply, to endpoints: [FakeAPICall.Endpoint] = FakeAPICall.Endpoint.allCases) {
        for endpoint in endpoints { standing[endpoint] = reply }
    }

    /// How the next call to `endpoint` answers (queued after earlier `replyOnce` replies).
    public func replyOnce(_ reply: FakeReply, to endpoint: FakeAPICall.Endpoint) {
        once[endpoint, default: []].append(reply)
    }

    /// Lets held calls answer (all of them, or those to `endpoint`); returns how many.
    @discardableResult
    public func release(_ endpoint: FakeAPICall.Endpoint? = nil) -> Int {
        resume(endpoint, with: nil)
    }

    /// Ends held calls with `error` instead of their answer; returns how many.
    @discardableResult
    public func release(_ endpoint: FakeAPICall.Endpoint? = nil, failing error: APIError) -> Int {
        resume(endpoint, with: error)
    }

    /// Stops holding anything: held calls answer, and later calls answer at once. For the end of
    /// a test, so no call waits forever.
    public func releaseAll() {
        standing = [:]
        once = [:]
        resume(nil, with: nil)
    }

    /// Calls held now (all, or those to `endpoint`).
    public func heldCount(_ endpoint: FakeAPICall.Endpoint? = nil) -> Int {
        held.filter { endpoint == nil || $0.endpoint == endpoint }.count
    }

    /// The calls received to `endpoint`, in order.
    public func calls(to endpoint: FakeAPICall.Endpoint) -> [FakeAPICall] {
        calls.filter { $0.endpoint == endpoint }
    }

    // MARK: DashboardAPI

    public func listWork(environmentID: String, limit: Int?, page: String?) async throws(APIError) -> WorkPage {
        let items = self.items.filter { $0.environmentID == environmentID }
        let start = page.flatMap { Int($0.dropFirst("page_".count)) } ?? 0
        let end = min(items.count, start + max(1, limit ?? 20))
        let answer = WorkPage(
            data: start < end ? Array(items[start..<end]) : [], nextPage: end < items.count ? "page_\(end)" : nil)
        try await respond(to: .listWork(environmentID: environmentID, limit: limit, page: page), in: environmentID)
        return answer
    }

    public func getWork(environmentID: String, workID: String) async throws(APIError) -> WorkItem {
        let answer = find(workID, in: environmentID)
        try await respond(to: .getWork(environmentID: environmentID, workID: workID), in: environmentID)
        return try answer.get()
    }

    public func stats(environmentID: String) async throws(APIError) -> QueueStats {
        let items = self.items.filter { $0.environmentID == environmentID }
        let queued = items.filter { $0.state == .queued }
        let answer = QueueStats(
            depth: queued.count, pending: items.filter { $0.state == .starting }.count,
            oldestQueuedAt: queued.map(\.createdAt).min(), workersPolling: 1)
        try await respond(to: .stats(environmentID: environmentID), in: environmentID)
        return answer
    }

    public func stopWork(environmentID: String, workID: String, mode: StopMode) async throws(APIError) -> WorkItem {
        guard down[environmentID] == nil else {
            try await respond(to: .stopWork(environmentID: environmentID, workID: workID, mode: mode), in: environmentID)
            throw Self.error(500, "unreachable")
        }
        let answer = find(workID, in: environmentID).flatMap { item -> Result<WorkItem, APIError> in
            guard item.state != .stopped else { return .failure(Self.error(409, "already stopped")) }
            var stopped = item
            stopped.stopRequestedAt = stopped.stopRequestedAt ?? Date()
            stopped.state = mode == .force ? .stopped : .stopping
            if mode == .force { stopped.stoppedAt = Date() }
            return .success(stopped)
        }
        if case .success(let item) = answer { replace(item) }
        try await respond(to: .stopWork(environmentID: environmentID, workID: workID, mode: mode), in: environmentID)
        return try answer.get()
    }

    public func updateMetadata(
        environmentID: String, workID: String, patch: MetadataPatch
    ) async throws(APIError) -> WorkItem {
        guard down[environmentID] == nil else {
            try await respond(to: .updateMetadata(environmentID: environmentID, workID: workID), in: environmentID)
            throw Self.error(500, "unreachable")
        }
        let answer = find(workID, in: environmentID).map { item in
            var updated = item
            for (key, value) in patch.changes { updated.metadata[key] = value }
            return updated
        }
        if case .success(let item) = answer { replace(item) }
        try await respond(to: .updateMetadata(environmentID: environmentID, workID: workID), in: environmentID)
        return try answer.get()
    }

    public func listEnvironments(limit: Int?, page: String?, includeArchived: Bool) async throws(APIError) -> EnvironmentPage {
        let answer = EnvironmentPage(data: environments, nextPage: nil)
        try await respond(to: .listEnvironments)
        return answer
    }

    public func getEnvironment(id: String) async throws(APIError) -> Environment {
        let answer = environments.first { $0.id == id }
        try await respond(to: .getEnvironment(id: id))
        guard let answer else { throw Self.error(404, "no environment \(id)") }
        return answer
    }

    // MARK: Replies

    /// Records `call` and waits, or fails, as the script says; a call to an environment taken
    /// down fails at once.
    private func respond(to call: FakeAPICall, in environmentID: String? = nil) async throws(APIError) {
        calls.append(call)
        if let environmentID, let failure = down[environmentID] { throw failure }
        let endpoint = call.endpoint
        let reply = once[endpoint]?.isEmpty == false ? once[endpoint]!.removeFirst() : standing[endpoint] ?? .answer
        switch reply {
        case .answer:
            return
        case .delay(let duration):
            try? await Task.sleep(for: duration)
        case .hang:
            let failure = await withCheckedContinuation { held.append((endpoint, $0)) }
            if let failure { throw failure }
        case .fail(let error):
            throw error
        }
    }

    @discardableResult
    private func resume(_ endpoint: FakeAPICall.Endpoint?, with failure: APIError?) -> Int {
        let matching = held.filter { endpoint == nil || $0.endpoint == endpoint }
        held.removeAll { endpoint == nil || $0.endpoint == endpoint }
        for call in matching { call.resume.resume(returning: failure) }
        return matching.count
    }

    private func find(_ workID: String, in environmentID: String) -> Result<WorkItem, APIError> {
        guard let item = items.first(where: { $0.id == workID && $0.environmentID == environmentID }) else {
            return .failure(Self.error(404, "no work item \(workID)"))
        }
        return .success(item)
    }

    private func replace(_ item: WorkItem) {
        if let index = items.firstIndex(where: { $0.id == item.id && $0.environmentID == item.environmentID }) {
            items[index] = item
        }
    }

    static func error(_ status: Int, _ message: String) -> APIError {
        .http(status: status, type: status == 404 ? "not_found_error" : "invalid_request_error",
              message: message, requestID: nil, details: nil)
    }
}
