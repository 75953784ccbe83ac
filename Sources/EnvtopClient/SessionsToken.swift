import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension WorkSecret {
    /// The `sessions_token` inside a polled item's `secret` (base64url JSON, padding optional), as
    /// the SDK's worker reads it for heartbeats; `nil` when the secret does not hold one.
    public var sessionsToken: WorkSecret? {
        var text = revealForWorker().replacing("-", with: "+")
            .replacing("_", with: "/")
        text += String(repeating: "=", count: (4 - text.count % 4) % 4)
        guard let data = Data(base64Encoded: text),
            let object = try? JSONDecoder().decode([String: JSONValue].self, from: data),
            case .string(let token)? = object["sessions_token"], !token.isEmpty
        else { return nil }
        return WorkSecret(token)
    }
}
