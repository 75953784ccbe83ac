import EnvtopModels

/// The calls an operator's dashboard makes. Errors are always `APIError`.
///
/// The dashboard codes against this protocol, never against `HTTPWorkClient`, so its runtime can
/// be driven by a fake in tests. Implementations must allow several calls at once.
public protocol DashboardAPI: Sendable {
    /// One page of an environment's work items; `page` is the previous page's `nextPage`.
    func listWork(environmentID: String, limit: Int?, page: String?) async throws(APIError) -> WorkPage
    /// The same read; when the body's digest is `unlessDigest`, answers `WorkPage.unchanged`
    /// without decoding it (the caller merged those bytes already).
    func listWork(environmentID: String, limit: Int?, page: String?, unlessDigest: PageDigest?) async throws(APIError)
        -> WorkPage
    func getWork(environmentID: String, workID: String) async throws(APIError) -> WorkItem
    /// The queue's depth, pending count, oldest item and polling workers; cheap to call often.
    func stats(environmentID: String) async throws(APIError) -> QueueStats
    /// Graceful marks the item `stopping`; force marks it `stopped`. A 409 means already stopped.
    /// Sent once: never retried (`WorkCall.isRetryable`).
    func stopWork(environmentID: String, workID: String, mode: StopMode) async throws(APIError) -> WorkItem
    /// Merge patch: a string upserts a key, `nil` deletes it, keys not named are kept.
    func updateMetadata(environmentID: String, workID: String, patch: MetadataPatch) async throws(APIError)
        -> WorkItem
    func listEnvironments(limit: Int?, page: String?, includeArchived: Bool) async throws(APIError)
        -> EnvironmentPage
    func getEnvironment(id: String) async throws(APIError) -> Environment
}

extension DashboardAPI {
    /// A client that cannot compare bodies (a fake) always answers in full.
    public func listWork(
        environmentID: String, limit: Int?, page: String?, unlessDigest: PageDigest?
    ) async throws(APIError) -> WorkPage {
        try await listWork(environmentID: environmentID, limit: limit, page: page)
    }
}

/// The calls a worker makes to claim and hold work: the simulator's tests and the SDK wire
/// checks use them; the dashboard never does.
public protocol WorkerAPI: Sendable {
    /// A worker's long poll; `nil` when the queue had nothing within `blockMilliseconds` (1...999).
    func poll(
        environmentID: String, workerID: String?, blockMilliseconds: Int?, reclaimOlderThanMilliseconds: Int?
    ) async throws(APIError) -> WorkItem?
    /// A worker takes a polled item: `queued` to `starting`.
    func ack(environmentID: String, workID: String) async throws(APIError) -> WorkItem
    /// A worker extends its lease. `expectedLastHeartbeat` is `NO_HEARTBEAT` first, then the last
    /// answer's `lastHeartbeat`; a mismatch is a 412. `sessionToken` is the item's `sessions_token`
    /// (see `WorkSecret.sessionsToken`); without one the environment key is sent.
    func heartbeat(
        environmentID: String, workID: String, desiredTTLSeconds: Int?, expectedLastHeartbeat: String?,
        sessionToken: WorkSecret?
    ) async throws(APIError) -> HeartbeatResponse
}

/// Every call of the Work API: what `HTTPWorkClient` implements.
public typealias WorkAPI = DashboardAPI & WorkerAPI
