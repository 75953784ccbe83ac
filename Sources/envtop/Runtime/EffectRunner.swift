import EnvtopClient
import EnvtopCore
import EnvtopModels
import Foundation

/// Turns an I/O effect into an API call and its answer into an event.
///
/// Calls never touch the state: the answer comes back as an `Event` for the one loop that owns it.
struct EffectRunner: Sendable {
    let api: any DashboardAPI

    /// Performs a network effect and returns the event that reports its outcome (nil for
    /// effects that are not API calls).
    func perform(_ effect: Effect) async -> Event? {
        switch effect {
        case .fetchStats(let env, let generation):
            let started = ContinuousClock.now
            let result = await capture { () async throws(APIError) in try await api.stats(environmentID: env) }
            let latency = (ContinuousClock.now - started).seconds
            return .statsLoaded(environmentID: env, generation: generation, result, latency: latency, at: Date())
        case .fetchPage(let request):
            let result = await capture { () async throws(APIError) in
                try await api.listWork(environmentID: request.environmentID, limit: request.limit, page: request.cursor)
            }
            return .pageLoaded(request, result, at: Date())
        case .fetchItem(let env, let workID):
            let result = await capture { () async throws(APIError) in try await api.getWork(environmentID: env, workID: workID) }
            return .itemChecked(environmentID: env, workID: workID, result, at: Date())
        case .stop(let env, let workID, let mode):
            let result = await capture { () async throws(APIError) in
                try await api.stopWork(environmentID: env, workID: workID, mode: mode)
            }
            return .stopFinished(environmentID: env, workID: workID, mode: mode, result, at: Date())
        case .verifyStop(let env, let workID, let mode):
            let result = await capture { () async throws(APIError) in try await api.getWork(environmentID: env, workID: workID) }
            return .stopVerified(environmentID: env, workID: workID, mode: mode, result, at: Date())
        case .cycleTheme, .forceRepaint, .quit:
            return nil
        }
    }

    private func capture<T: Sendable>(_ body: () async throws(APIError) -> T) async -> Result<T, APIError> {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
