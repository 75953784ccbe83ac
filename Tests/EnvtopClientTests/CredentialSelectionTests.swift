import EnvtopModels
import Testing

@testable import EnvtopClient

@Suite("Which credential each call sends")
struct CredentialSelectionTests {
    let all = Credentials(apiKey: "api-key-value", environmentKey: "env-key-value", authToken: "token-value")

    private func kind(_ call: WorkCall, _ credentials: Credentials, session: Credential? = nil) -> CredentialKind? {
        try? CredentialSelection.select(for: call, from: credentials, sessionToken: session).get().kind
    }

    @Test("with every credential set, each call sends the one docs/API.md names first")
    func preferred() {
        #expect(kind(.listWork, all) == .environmentKey)
        #expect(kind(.poll, all) == .environmentKey)
        #expect(kind(.ack, all) == .environmentKey)
        #expect(kind(.getWork, all) == .apiKey)
        #expect(kind(.updateMetadata, all) == .apiKey)
        #expect(kind(.listEnvironments, all) == .apiKey)
        #expect(kind(.getEnvironment, all) == .apiKey)
        #expect(kind(.stats, all) == .environmentKey)
        #expect(kind(.stopWork, all) == .environmentKey)
        #expect(kind(.heartbeat, all) == .environmentKey)
        #expect(kind(.heartbeat, all, session: Credential("sk-ant-req-x")) == .sessionToken)
    }

    @Test("falls back in order, and never sends a credential the call refuses")
    func fallbacks() {
        let apiOnly = Credentials(apiKey: "k")
        #expect(kind(.stats, apiOnly) == .apiKey)
        #expect(kind(.stopWork, apiOnly) == .apiKey)
        #expect(kind(.listWork, apiOnly) == nil)
        #expect(kind(.poll, apiOnly) == nil)
        let envOnly = Credentials(environmentKey: "k")
        #expect(kind(.getWork, envOnly) == nil)
        #expect(kind(.updateMetadata, envOnly) == nil)
        #expect(kind(.listEnvironments, envOnly) == nil)
        let tokenOnly = Credentials(authToken: "t")
        for call in WorkCall.allCases where call != .heartbeat {
            #expect(kind(call, tokenOnly) == .authToken, "\(call)")
        }
        #expect(kind(.heartbeat, tokenOnly) == nil)
    }

    @Test("a missing credential names the variable to set")
    func missingNamesVariable() {
        let none = Credentials()
        let expected: [WorkCall: String] = [
            .listWork: "ANTHROPIC_ENVIRONMENT_KEY", .poll: "ANTHROPIC_ENVIRONMENT_KEY",
            .ack: "ANTHROPIC_ENVIRONMENT_KEY", .heartbeat: "ANTHROPIC_ENVIRONMENT_KEY",
            .getWork: "ANTHROPIC_API_KEY", .updateMetadata: "ANTHROPIC_API_KEY",
            .listEnvironments: "ANTHROPIC_API_KEY", .getEnvironment: "ANTHROPIC_API_KEY",
            .stats: "ANTHROPIC_ENVIRONMENT_KEY or ANTHROPIC_API_KEY",
            .stopWork: "ANTHROPIC_ENVIRONMENT_KEY or ANTHROPIC_API_KEY",
        ]
        for call in WorkCall.allCases {
            let result = CredentialSelection.select(for: call, from: none)
            #expect(throws: APIError.missingCredential(call: call.rawValue, variable: expected[call]!)) {
                try result.get()
            }
        }
        #expect(
            APIError.missingCredential(call: "list work", variable: "ANTHROPIC_ENVIRONMENT_KEY").description
                == "list work needs a credential: set ANTHROPIC_ENVIRONMENT_KEY")
    }

    @Test("an API key travels as x-api-key, everything else as a bearer token")
    func headers() throws {
        let api = try CredentialSelection.select(for: .getWork, from: all).get().header
        #expect(api.name == "x-api-key")
        #expect(api.value == "api-key-value")
        let env = try CredentialSelection.select(for: .listWork, from: all).get().header
        #expect(env.name == "authorization")
        #expect(env.value == "Bearer env-key-value")
        let token = try CredentialSelection.select(for: .listWork, from: Credentials(authToken: "t1")).get().header
        #expect(token.value == "Bearer t1")
        let session = try CredentialSelection.select(for: .heartbeat, from: all, sessionToken: Credential("s1"))
            .get().header
        #expect(session.name == "authorization")
        #expect(session.value == "Bearer s1")
    }

    @Test("a refusal hint names variables and header, never values")
    func refusalHint() throws {
        let selection = try CredentialSelection.select(for: .listWork, from: Credentials(authToken: "tok-123456789"))
            .get()
        let hint = selection.refusalHint(for: .listWork)
        #expect(hint == "sent ANTHROPIC_AUTH_TOKEN as authorization; list work takes ANTHROPIC_ENVIRONMENT_KEY or ANTHROPIC_AUTH_TOKEN")
        #expect(!hint.contains("tok-123456789"))
    }
}
