/// A request path resolved to a route and the ids it names.
struct RouteMatch: Sendable, Equatable {
    var route: SimulatorRoute
    var environmentID: String?
    var workID: String?

    /// Matches `/v1/environments/...` and `/_sim/...` by hand, so an unknown path still gets the
    /// API's error envelope rather than a bare framework 404.
    static func resolve(method: String, path: String) -> RouteMatch? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        switch (method, segments.count) {
        case ("POST", 2) where segments == ["_sim", "enqueue"]: return RouteMatch(route: .adminEnqueue)
        case ("POST", 2) where segments == ["_sim", "faults"]: return RouteMatch(route: .adminSetFaults)
        case ("GET", 2) where segments == ["_sim", "faults"]: return RouteMatch(route: .adminGetFaults)
        case ("GET", 2) where segments == ["_sim", "requests"]: return RouteMatch(route: .adminRequestCounts)
        case ("POST", 2) where segments == ["_sim", "trouble"]: return RouteMatch(route: .adminTrouble)
        default: break
        }
        guard segments.count >= 2, segments[0] == "v1", segments[1] == "environments" else { return nil }
        if segments.count == 2 { return method == "GET" ? RouteMatch(route: .listEnvironments) : nil }
        let environmentID = segments[2]
        if segments.count == 3 {
            return method == "GET" ? RouteMatch(route: .getEnvironment, environmentID: environmentID) : nil
        }
        guard segments[3] == "work" else { return nil }
        func match(_ route: SimulatorRoute, _ workID: String? = nil) -> RouteMatch {
            RouteMatch(route: route, environmentID: environmentID, workID: workID)
        }
        switch (method, segments.count) {
        case ("GET", 4): return match(.listWork)
        case ("GET", 5) where segments[4] == "stats": return match(.stats)
        case ("GET", 5) where segments[4] == "poll": return match(.poll)
        case ("GET", 5): return match(.getWork, segments[4])
        case ("POST", 5): return match(.updateWork, segments[4])
        case ("POST", 6):
            switch segments[5] {
            case "stop": return match(.stop, segments[4])
            case "ack": return match(.ack, segments[4])
            case "heartbeat": return match(.heartbeat, segments[4])
            default: return nil
            }
        default: return nil
        }
    }
}
