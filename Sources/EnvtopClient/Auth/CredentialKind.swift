/// The kinds of credential a call of the Work API may take, and how each travels.
public enum CredentialKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case apiKey
    case environmentKey
    case authToken
    /// The `sessions_token` inside a polled item's `secret`; only the worker's heartbeat uses it.
    case sessionToken

    /// The environment variable that supplies it, for "set X" messages.
    public var variable: String {
        switch self {
        case .apiKey: Credentials.apiKeyVariable
        case .environmentKey: Credentials.environmentKeyVariable
        case .authToken: Credentials.authTokenVariable
        case .sessionToken: "the polled item's secret (sessions_token)"
        }
    }

    /// An API key goes in `x-api-key` (accepted by every server); the others are bearer tokens.
    var headerName: String { self == .apiKey ? "x-api-key" : "authorization" }

    func headerValue(_ credential: Credential) -> String {
        self == .apiKey ? credential.value : "Bearer \(credential.value)"
    }

    public var description: String {
        switch self {
        case .apiKey: "API key"
        case .environmentKey: "environment key"
        case .authToken: "auth token"
        case .sessionToken: "session token"
        }
    }
}
