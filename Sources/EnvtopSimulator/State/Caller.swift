/// Who a request's credential says it is. Never holds the credential itself.
enum Caller: Sendable, Equatable {
    /// An API key (`ANTHROPIC_API_KEY`): the operator's credential.
    case apiKey
    /// An environment key (`ANTHROPIC_ENVIRONMENT_KEY`): the worker's standing credential.
    case environmentKey
    /// A work item's `sessions_token`, good for that one item's heartbeat and stop.
    case sessionsToken(environmentID: String, workID: String)
    /// Any credential, when the simulator runs without configured keys.
    case anyCredential

    /// How a refusal names what was sent.
    var spokenName: String {
        switch self {
        case .apiKey: "an API key"
        case .environmentKey: "the environment key"
        case .sessionsToken: "a work item's sessions token"
        case .anyCredential: "this credential"
        }
    }
}
