#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import EnvtopModels

/// A last line of defence: replaces any credential value that a server or a library echoed into
/// an error text with a placeholder before the error leaves the client.
struct SecretRedaction: Sendable {
    private let secrets: [String]

    init(_ credentials: [Credential?]) {
        // Very short values would blank out ordinary words; real keys are dozens of characters.
        secrets = credentials.compactMap { $0?.value }.filter { $0.count >= 8 }
    }

    func apply(_ text: String) -> String {
        secrets.reduce(text) { $0.replacing($1, with: "<redacted>") }
    }

    func apply(_ error: APIError) -> APIError {
        switch error {
        case .transport(let why): .transport(apply(why))
        case .timedOut(let what): .timedOut(apply(what))
        case .http(let status, let type, let message, let requestID, let details, let retryAfter):
            .http(status: status, type: type, message: apply(message), requestID: requestID, details: details, retryAfter: retryAfter)
        case .decoding(let endpoint, let field, let message):
            .decoding(endpoint: endpoint, field: field, message: apply(message))
        case .notSent(let why): .notSent(apply(why))
        case .missingCredential, .cancelled, .tooLarge: error
        }
    }
}
