import EnvtopModels

/// The header fields of one attempt, in a fixed order (the credential is the only secret one).
enum RequestHeaders {
    static func build(
        for request: APIRequest, configuration: ClientConfiguration, credential: CredentialSelection,
        retryCount: Int
    ) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = [
            ("accept", "application/json"),
            ("user-agent", configuration.userAgent),
            (APIConstants.versionHeader, APIConstants.anthropicVersion),
            (APIConstants.betaHeader, APIConstants.betaHeaderValue),
        ]
        if request.body != nil { fields.append(("content-type", "application/json")) }
        if let workspace = configuration.workspaceID, !workspace.isEmpty {
            fields.append((APIConstants.workspaceHeader, workspace))
        }
        fields.append(credential.header)
        // The SDKs tell the server which attempt this is; 0 on the first.
        fields.append(("x-stainless-retry-count", String(retryCount)))
        fields += request.headers.map { ($0.name, $0.value) }
        return fields
    }
}
