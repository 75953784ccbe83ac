/// Every call the client makes, with the credentials the API takes for it.
///
/// The preference order follows docs/API.md ("Credentials"): the operator
/// calls that the SDK documents as refusing an API key (list) or an environment key (get, update)
/// never send that one; stats and stop take whichever exists; worker calls use the worker's keys.
public enum WorkCall: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case listWork = "list work"
    case getWork = "get work"
    case stats = "queue stats"
    case stopWork = "stop work"
    case updateMetadata = "update metadata"
    case poll = "poll"
    case ack = "ack"
    case heartbeat = "heartbeat"
    case listEnvironments = "list environments"
    case getEnvironment = "get environment"

    /// Credentials this call may send, best first.
    public var credentialPreference: [CredentialKind] {
        switch self {
        case .listWork, .poll, .ack: [.environmentKey, .authToken]
        case .getWork, .updateMetadata, .listEnvironments, .getEnvironment: [.apiKey, .authToken]
        case .stats, .stopWork: [.environmentKey, .apiKey, .authToken]
        case .heartbeat: [.sessionToken, .environmentKey]
        }
    }

    /// What to tell the operator to set when none of the accepted credentials exists.
    public var missingVariable: String {
        switch self {
        case .listWork, .poll, .ack, .heartbeat: Credentials.environmentKeyVariable
        case .getWork, .updateMetadata, .listEnvironments, .getEnvironment: Credentials.apiKeyVariable
        case .stats, .stopWork: "\(Credentials.environmentKeyVariable) or \(Credentials.apiKeyVariable)"
        }
    }

    /// Whether a failed attempt may be sent again. A stop or a metadata update changes the
    /// server: an attempt whose answer was lost (a timeout, a reset, a 5xx) may have been carried
    /// out, and a 409 on a stop already says "stopped", so the client never repeats one; the
    /// dashboard re-reads the item instead (the SDKs retry every call; envtop does not here).
    public var isRetryable: Bool {
        switch self {
        case .stopWork, .updateMetadata: false
        default: true
        }
    }

    /// A plain list of the variables this call accepts, for "this call takes ..." hints.
    var acceptedVariables: String {
        credentialPreference.map(\.variable).joined(separator: " or ")
    }

    public var description: String { rawValue }
}
