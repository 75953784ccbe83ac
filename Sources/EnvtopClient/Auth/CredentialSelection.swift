import EnvtopModels

/// The credential one request sends, chosen by `WorkCall.credentialPreference`.
struct CredentialSelection: Sendable {
    let kind: CredentialKind
    let credential: Credential

    /// Picks the first accepted credential that exists, or names the variable to set.
    static func select(
        for call: WorkCall, from credentials: Credentials, sessionToken: Credential? = nil
    ) -> Result<CredentialSelection, APIError> {
        for kind in call.credentialPreference {
            let candidate = kind == .sessionToken ? sessionToken : credentials.credential(kind)
            if let candidate, !candidate.isEmpty {
                return .success(CredentialSelection(kind: kind, credential: candidate))
            }
        }
        return .failure(.missingCredential(call: call.rawValue, variable: call.missingVariable))
    }

    /// The header that carries it.
    var header: (name: String, value: String) {
        (kind.headerName, kind.headerValue(credential))
    }

    /// Says what was sent and what the call takes, for a 401 or 403 (names, never values).
    func refusalHint(for call: WorkCall) -> String {
        let sent = kind == .sessionToken ? "the session token" : kind.variable
        return "sent \(sent) as \(kind.headerName); \(call.rawValue) takes \(call.acceptedVariables)"
    }
}
