/// Why a call to the Work API failed, in a form the dashboard can explain in plain words.
///
/// Lives beside the models (not in the client) so the pure core can react to it, for example
/// treat a 409 on stop as "already stopped", without importing any networking code.
/// No case ever carries a credential.
public enum APIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request never got an HTTP answer: refused, reset, DNS, TLS, proxy.
    case transport(String)
    /// No answer within the connect or request timeout.
    case timedOut(String)
    /// The server answered with an error status, described by the API's error envelope;
    /// `retryAfter` is the wait in seconds its `retry-after(-ms)` header asked for (429, 503).
    case http(status: Int, type: String?, message: String, requestID: String?, details: JSONValue?, retryAfter: Double? = nil)
    /// The body did not have the documented shape; names the endpoint and the field.
    case decoding(endpoint: String, field: String, message: String)
    /// The call needs a credential that is not configured; names the variable to set.
    case missingCredential(call: String, variable: String)
    /// The answer was larger than the most envtop reads (`limitBytes`); not read further.
    case tooLarge(limitBytes: Int)
    /// The caller cancelled the request.
    case cancelled
    /// envtop did not send the call, and says why (the audit log could not be written).
    case notSent(String)

    /// The HTTP status, when there was one.
    public var status: Int? {
        if case .http(let status, _, _, _, _, _) = self { return status }
        return nil
    }

    /// The seconds the server asked the client to wait before calling again, when it did.
    public var retryAfter: Double? {
        if case .http(_, _, _, _, _, let seconds) = self, let seconds, seconds > 0 { return seconds }
        return nil
    }

    /// The `request-id` of the failed response, for support requests.
    public var requestID: String? {
        if case .http(_, _, _, let id, _, _) = self { return id }
        return nil
    }

    /// One line, plain words, safe to show on screen or write to a log.
    public var description: String {
        switch self {
        case .transport(let why):
            return "cannot reach the API: \(why)"
        case .timedOut(let what):
            return "the API did not answer in time (\(what))"
        case .http(let status, let type, let message, let requestID, _, _):
            var text = "HTTP \(status)"
            if let type, !type.isEmpty { text += " \(type)" }
            if !message.isEmpty { text += ": \(message)" }
            if let requestID, !requestID.isEmpty { text += " (request-id \(requestID))" }
            return text
        case .decoding(let endpoint, let field, let message):
            return "unexpected answer from \(endpoint): field '\(field)' \(message)"
        case .missingCredential(let call, let variable):
            return "\(call) needs a credential: set \(variable)"
        case .tooLarge(let limit):
            return "the API's answer is larger than \(limit / (1024 * 1024)) MiB, the most envtop reads (max_response_mib)"
        case .cancelled:
            return "request cancelled"
        case .notSent(let why):
            return "not sent: \(why)"
        }
    }
}
