/// Every call the simulator answers, named by route template (the keys of
/// `SimulatorServer.requestCounts()`), with the credentials the real API takes for it.
public enum SimulatorRoute: String, Sendable, CaseIterable {
    case listEnvironments = "GET /environments"
    case getEnvironment = "GET /environments/{environment_id}"
    case listWork = "GET /work"
    case getWork = "GET /work/{work_id}"
    case updateWork = "POST /work/{work_id}"
    case stats = "GET /work/stats"
    case stop = "POST /work/{work_id}/stop"
    case poll = "GET /work/poll"
    case ack = "POST /work/{work_id}/ack"
    case heartbeat = "POST /work/{work_id}/heartbeat"
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
