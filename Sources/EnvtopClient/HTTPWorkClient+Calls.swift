import EnvtopModels

/// The calls of `WorkAPI`: build the request, run it, decode the answer.
extension HTTPWorkClient {
    public func listWork(environmentID: String, limit: Int?, page: String?) async throws(APIError) -> WorkPage {
        try await listWork(environmentID: environmentID, limit: limit, page: page, unlessDigest: nil)
    }

    public func listWork(
        environmentID: String, limit: Int?, page: String?, unlessDigest known: PageDigest?
    ) async throws(APIError) -> WorkPage {
        let request = APIRequest.listWork(environmentID: environmentID, limit: limit, page: page)
        let response = try await perform(request)
        return try KnownPage.page(body: response.body, known: known) { body throws(APIError) in
            try ResponseDecoding.decodePage(from: body, endpoint: request.endpoint)
        }
    }

    public func getWork(environmentID: String, workID: String) async throws(APIError) -> WorkItem {
        try await run(.getWork(environmentID: environmentID, workID: workID), as: WorkItem.self)
    }

    public func stats(environmentID: String) async throws(APIError) -> QueueStats {
        try await run(.stats(environmentID: environmentID), as: QueueStats.self)
    }

    public func stopWork(environmentID: String, workID: String, mode: StopMode) async throws(APIError) -> WorkItem {
        try await run(.stopWork(environmentID: environmentID, workID: workID, mode: mode), as: WorkItem.self)
    }

    public func updateMetadata(
        environmentID: String, workID: String, patch: MetadataPatch
    ) async throws(APIError) -> WorkItem {
        let request = try APIRequest.updateMetadata(environmentID: environmentID, workID: workID, patch: patch)
        return try await run(request, as: WorkItem.self)
    }

    public func poll(
        environmentID: String, workerID: String?, blockMilliseconds: Int?, reclaimOlderThanMilliseconds: Int?
    ) async throws(APIError) -> WorkItem? {
        let request = APIRequest.poll(
            environmentID: environmentID, workerID: workerID, blockMilliseconds: blockMilliseconds,
            reclaimOlderThanMilliseconds: reclaimOlderThanMilliseconds)
        let response = try await perform(request)
        return try ResponseDecoding.decodePolledItem(from: response.body, endpoint: request.endpoint)
    }

    public func ack(environmentID: String, workID: String) async throws(APIError) -> WorkItem {
        try await run(.ack(environmentID: environmentID, workID: workID), as: WorkItem.self)
    }

    /// `sessionToken` may be the `sessions_token` itself or, leniently, the item's whole `secret`
    /// (whose token is then taken out of it, as the SDK's worker does).
    public func heartbeat(
        environmentID: String, workID: String, desiredTTLSeconds: Int?, expectedLastHeartbeat: String?,
        sessionToken: WorkSecret?
    ) async throws(APIError) -> HeartbeatResponse {
        let token = sessionToken.map { ($0.sessionsToken ?? $0).revealForWorker() }.map(Credential.init)
        let request = APIRequest.heartbeat(
            environmentID: environmentID, workID: workID, desiredTTLSeconds: desiredTTLSeconds,
            expectedLastHeartbeat: expectedLastHeartbeat, sessionToken: token)
        return try await run(request, as: HeartbeatResponse.self)
    }

    public func listEnvironments(limit: Int?, page: String?, includeArchived: Bool) async throws(APIError)
        -> EnvironmentPage
    {
        try await run(
            .listEnvironments(limit: limit, page: page, includeArchived: includeArchived), as: EnvironmentPage.self)
    }

    public func getEnvironment(id: String) async throws(APIError) -> Environment {
        try await run(.getEnvironment(id: id), as: Environment.self)
    }

    private func run<T: Decodable>(_ request: APIRequest, as type: T.Type) async throws(APIError) -> T {
        let response = try await perform(request)
        return try ResponseDecoding.decode(type, from: response.body, endpoint: request.endpoint)
    }
}
