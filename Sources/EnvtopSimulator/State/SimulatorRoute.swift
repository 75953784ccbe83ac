/// Every call the simulator answers, named by its method and path template (the keys of
/// `SimulatorServer.requestCounts()` and `GET /_sim/requests`), with the credentials the real API
/// takes for it. The paths are the API's own, in full: docs/API.md lists the work calls under
/// `/v1/environments/{environment_id}`.
public enum SimulatorRoute: String, Sendable, CaseIterable {
    case listEnvironments = "GET /v1/environments"
    case getEnvironment = "GET /v1/environments/{environment_id}"
    case listWork = "GET /v1/environments/{environment_id}/work"
    case getWork = "GET /v1/environments/{environment_id}/work/{work_id}"
    case updateWork = "POST /v1/environments/{environment_id}/work/{work_id}"
    case stats = "GET /v1/environments/{environment_id}/work/stats"
    case stop = "POST /v1/environments/{environment_id}/work/{work_id}/stop"
    case poll = "GET /v1/environments/{environment_id}/work/poll"
    case ack = "POST /v1/environments/{environment_id}/work/{work_id}/ack"
    case heartbeat = "POST /v1/environments/{environment_id}/work/{work_id}/heartbeat"
    case adminEnqueue = "POST /_sim/enqueue"
    case adminSetFaults = "POST /_sim/faults"
    case adminGetFaults = "GET /_sim/faults"
    case adminRequestCounts = "GET /_sim/requests"
    case adminTrouble = "POST /_sim/trouble"

    /// Admin calls are outside `/v1`: no credential, no faults.
    var isAdmin: Bool { rawValue.contains("/_sim/") }

    /// The credentials this call accepts (docs/API.md, "Credentials").
    /// A sessions token is further limited to its own item by the caller of `permits`.
    func permits(_ caller: Caller) -> Bool {
        switch caller {
        case .anyCredential: return true
        case .apiKey:
            return [.listEnvironments, .getEnvironment, .getWork, .updateWork, .stats, .stop].contains(self)
        case .environmentKey:
            return [.listEnvironments, .getEnvironment, .listWork, .stats, .stop, .poll, .ack, .heartbeat]
                .contains(self)
        case .sessionsToken:
            return [.heartbeat, .stop].contains(self)
        }
    }

    /// What to tell a caller whose credential is of the wrong kind.
    var wantedCredential: String {
        switch self {
        case .listWork, .poll, .ack:
            "the environment key (ANTHROPIC_ENVIRONMENT_KEY)"
        case .getWork, .updateWork:
            "an API key (ANTHROPIC_API_KEY)"
        case .stats, .listEnvironments, .getEnvironment:
            "the environment key (ANTHROPIC_ENVIRONMENT_KEY) or an API key (ANTHROPIC_API_KEY)"
        case .stop:
            "the environment key (ANTHROPIC_ENVIRONMENT_KEY), an API key (ANTHROPIC_API_KEY)"
                + " or the item's own sessions token"
        case .heartbeat:
            "the item's sessions token (from its secret) or the environment key (ANTHROPIC_ENVIRONMENT_KEY)"
        case .adminEnqueue, .adminSetFaults, .adminGetFaults, .adminRequestCounts, .adminTrouble:
            "no credential"
        }
    }
}
