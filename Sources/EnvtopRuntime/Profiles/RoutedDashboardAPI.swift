import EnvtopClient
import EnvtopModels

/// One `DashboardAPI` in front of several: each profile has its own base URL and keys, and the
/// dashboard codes against a single API, so every call naming an environment goes to the API of
/// the profile that environment came from.
///
/// Calls that name no environment (listing, reading one by id) go to the default API; so does an
/// id no profile gave, which then fails the way that API fails it.
public struct RoutedDashboardAPI: DashboardAPI {
    public let routes: [String: any DashboardAPI]
    public let defaultAPI: any DashboardAPI

    /// - Parameters:
    ///   - routes: the API that serves each environment id.
    ///   - defaultAPI: the API for everything else.
    public init(routes: [String: any DashboardAPI], default defaultAPI: any DashboardAPI) {
        self.routes = routes
        self.defaultAPI = defaultAPI
    }

    /// The API that serves `environmentID`.
    public func api(for environmentID: String) -> any DashboardAPI {
        routes[environmentID] ?? defaultAPI
    }

    public func listWork(environmentID: String, limit: Int?, page: String?) async throws(APIError) -> WorkPage {
        try await api(for: environmentID).listWork(environmentID: environmentID, limit: limit, page: page)
    }

    public func listWork(
        environmentID: String, limit: Int?, page: String?, unlessDigest: PageDigest?
    ) async throws(APIError) -> WorkPage {
        try await api(for: environmentID).listWork(
            environmentID: environmentID, limit: limit, page: page, unlessDigest: unlessDigest)
    }

    public func getWork(environmentID: String, workID: String) async throws(APIError) -> WorkItem {
        try await api(for: environmentID).getWork(environmentID: environmentID, workID: workID)
    }

    public func stats(environmentID: String) async throws(APIError) -> QueueStats {
        try await api(for: environmentID).stats(environmentID: environmentID)
    }

    public func stopWork(environmentID: String, workID: String, mode: StopMode) async throws(APIError) -> WorkItem {
        try await api(for: environmentID).stopWork(environmentID: environmentID, workID: workID, mode: mode)
    }

    public func updateMetadata(
        environmentID: String, workID: String, patch: MetadataPatch
    ) async throws(APIError) -> WorkItem {
        try await api(for: environmentID).updateMetadata(environmentID: environmentID, workID: workID, patch: patch)
    }

    public func listEnvironments(limit: Int?, page: String?, includeArchived: Bool) async throws(APIError)
        -> EnvironmentPage
    {
        try await defaultAPI.listEnvironments(limit: limit, page: page, includeArchived: includeArchived)
    }

    public func getEnvironment(id: String) async throws(APIError) -> Environment {
        try await defaultAPI.getEnvironment(id: id)
    }
}
