import EnvtopModels
import Foundation
import Testing

@testable import EnvtopClient

@Suite("Credentials")
struct CredentialsTests {
    static let apiKey = "sk-ant-api03-VERYSECRETAPIKEY-0001"
    static let environmentKey = "sk-ant-env-VERYSECRETENVKEY-0002"
    static let authToken = "bearer-VERYSECRETTOKEN-0003"

    @Test("reads the SDKs' variables and treats blank values as unset")
    func readsEnvironment() {
        let all = Credentials.fromEnvironment([
            "ANTHROPIC_API_KEY": Self.apiKey, "ANTHROPIC_ENVIRONMENT_KEY": " \(Self.environmentKey)\n",
            "ANTHROPIC_AUTH_TOKEN": Self.authToken,
        ])
        #expect(all.apiKey?.value == Self.apiKey)
        #expect(all.environmentKey?.value == Self.environmentKey)
        #expect(all.authToken?.value == Self.authToken)
        #expect(all.hasAny)

        let blank = Credentials.fromEnvironment(["ANTHROPIC_API_KEY": "", "ANTHROPIC_ENVIRONMENT_KEY": "  \n"])
        #expect(blank.apiKey == nil)
        #expect(blank.environmentKey == nil)
        #expect(!blank.hasAny)
    }

    @Test("description says which are set and never shows a value")
    func descriptionHidesValues() {
        let credentials = Credentials(apiKey: Self.apiKey, environmentKey: Self.environmentKey)
        let texts = [
            credentials.description, String(describing: credentials), String(reflecting: credentials),
            "\(credentials)", dumped(credentials), String(describing: credentials.apiKey!),
            String(reflecting: credentials.apiKey!), dumped(credentials.apiKey!),
        ]
        for text in texts {
            #expect(!text.contains(Self.apiKey))
            #expect(!text.contains(Self.environmentKey))
            #expect(!text.contains("VERYSECRET"))
        }
        #expect(
            credentials.description
                == "credentials: ANTHROPIC_API_KEY set, ANTHROPIC_ENVIRONMENT_KEY set, ANTHROPIC_AUTH_TOKEN not set")
    }

    @Test("canMake tells which calls the credentials allow")
    func canMake() {
        let operatorOnly = Credentials(apiKey: Self.apiKey)
        #expect(operatorOnly.canMake(.getWork))
        #expect(operatorOnly.canMake(.stopWork))
        #expect(!operatorOnly.canMake(.listWork))
        let workerOnly = Credentials(environmentKey: Self.environmentKey)
        #expect(workerOnly.canMake(.listWork))
        #expect(!workerOnly.canMake(.updateMetadata))
    }

    private func dumped(_ value: some Any) -> String {
        var out = ""
        dump(value, to: &out)
        return out
    }
}
