#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The credentials envtop found, one per kind the API knows.
///
/// Read from the same variables the official SDKs read. `description` says which are set, never
/// what they are.
public struct Credentials: Sendable, Hashable, CustomStringConvertible {
    public static let apiKeyVariable = "ANTHROPIC_API_KEY"
    public static let environmentKeyVariable = "ANTHROPIC_ENVIRONMENT_KEY"
    public static let authTokenVariable = "ANTHROPIC_AUTH_TOKEN"

    public var apiKey: Credential?
    public var environmentKey: Credential?
    public var authToken: Credential?

    /// Empty or blank values count as unset, as an unset variable would.
    public init(apiKey: String? = nil, environmentKey: String? = nil, authToken: String? = nil) {
        self.apiKey = Self.nonEmpty(apiKey)
        self.environmentKey = Self.nonEmpty(environmentKey)
        self.authToken = Self.nonEmpty(authToken)
    }

    public static func fromEnvironment(
        _ env: [String: String] = ProcessInfo.processInfo.environment
    ) -> Credentials {
        Credentials(
            apiKey: env[apiKeyVariable], environmentKey: env[environmentKeyVariable],
            authToken: env[authTokenVariable])
    }

    public var hasAny: Bool { apiKey != nil || environmentKey != nil || authToken != nil }

    /// The configured credential of a kind (never a session token: that one comes per call).
    public func credential(_ kind: CredentialKind) -> Credential? {
        switch kind {
        case .apiKey: apiKey
        case .environmentKey: environmentKey
        case .authToken: authToken
        case .sessionToken: nil
        }
    }

    /// Whether `call` can be made at all with these credentials.
    public func canMake(_ call: WorkCall) -> Bool {
        call.credentialPreference.contains { credential($0) != nil }
    }

    public var description: String {
        let parts = [
            (Self.apiKeyVariable, apiKey), (Self.environmentKeyVariable, environmentKey),
            (Self.authTokenVariable, authToken),
        ].map { "\($0.0) \($0.1 == nil ? "not set" : "set")" }
        return "credentials: " + parts.joined(separator: ", ")
    }

    private static func nonEmpty(_ raw: String?) -> Credential? {
        guard let raw else { return nil }
        let credential = Credential(raw)
        return credential.isEmpty ? nil : credential
    }
}
