import EnvtopModels
import Foundation
import Testing

@testable import EnvtopClient

@Suite("Client configuration")
struct ConfigurationTests {
    @Test("defaults: the public API, SDK retry policy, 5 s connect, no proxy")
    func defaults() {
        let configuration = ClientConfiguration()
        #expect(configuration.baseURL == "https://api.anthropic.com")
        #expect(configuration.retry == .sdkDefault)
        #expect(configuration.connectTimeout == .seconds(5))
        #expect(configuration.proxy == .none)
        #expect(configuration.workspaceID == nil)
    }

    @Test("fromEnvironment reads the base URL, workspace and proxies")
    func fromEnvironment() {
        let configuration = ClientConfiguration.fromEnvironment([
            "ANTHROPIC_BASE_URL": "http://127.0.0.1:4010\n", "ANTHROPIC_WORKSPACE_ID": "wrkspc_7",
            "HTTPS_PROXY": "proxy:3128", "NO_PROXY": "localhost",
        ])
        #expect(configuration.baseURL == "http://127.0.0.1:4010")
        #expect(configuration.workspaceID == "wrkspc_7")
        #expect(configuration.proxy.httpsProxy == .init("proxy:3128", variable: "HTTPS_PROXY"))
        #expect(configuration.proxy.noProxy?.value == "localhost")
        #expect(ClientConfiguration.fromEnvironment(["ANTHROPIC_BASE_URL": ""]).baseURL == APIConstants.defaultBaseURL)
    }

    @Test("maxRetries is the retry policy's count and never negative")
    func maxRetries() {
        var configuration = ClientConfiguration()
        configuration.maxRetries = 5
        #expect(configuration.retry.maxRetries == 5)
        configuration.maxRetries = -1
        #expect(configuration.maxRetries == 0)
    }

    @Test("the session token is read from the secret's base64url JSON, padding or not")
    func sessionsToken() {
        let json = #"{"api_base_url":"https://x","sessions_token":"sk-ant-req-abc_123"}"#
        let encoded = Data(json.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        #expect(WorkSecret(encoded).sessionsToken?.revealForWorker() == "sk-ant-req-abc_123")
        #expect(WorkSecret("sk-ant-req-plain-token").sessionsToken == nil)
        #expect(WorkSecret(Data("{}".utf8).base64EncodedString()).sessionsToken == nil)
    }
}
