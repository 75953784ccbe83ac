import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Builds the `secret` a poll hands out: base64url JSON `{"sessions_token", "api_base_url"}`,
/// without padding, which is what the SDK's worker unpacks to find its per-item credential.
enum SessionSecret {
    static let tokenPrefix = "sk-ant-req-"

    private struct Payload: Encodable {
        var sessionsToken: String
        var apiBaseURL: String

        enum CodingKeys: String, CodingKey {
            case sessionsToken = "sessions_token"
            case apiBaseURL = "api_base_url"
        }
    }

    static func make(sessionsToken: String, apiBaseURL: String) -> WorkSecret {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(Payload(sessionsToken: sessionsToken, apiBaseURL: apiBaseURL))) ?? Data()
        return WorkSecret(base64URL(json))
    }

    /// The sessions token inside a secret, as a worker extracts it; nil when it holds none.
    static func sessionsToken(in secret: WorkSecret) -> String? {
        var text = secret.revealForWorker().replacing("-", with: "+")
            .replacing("_", with: "/")
        text += String(repeating: "=", count: (4 - text.count % 4) % 4)
        guard let data = Data(base64Encoded: text),
            let object = try? JSONDecoder().decode([String: JSONValue].self, from: data),
            case .string(let token)? = object["sessions_token"]
        else { return nil }
        return token
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacing("+", with: "-")
            .replacing("/", with: "_").replacing("=", with: "")
    }
}
