import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns an error answer into `APIError.http`: status, the API's `error.type` and `message`,
/// `details` (the 412's current lease state, for example) and the `request-id` header.
enum ErrorResponse {
    static func apiError(
        status: Int, headers: ResponseHeaders, body: [UInt8], hint: String? = nil, now: Date = Date()
    ) -> APIError {
        var type: String?
        var message = ""
        var details: JSONValue?
        var bodyRequestID: String?
        if let envelope = try? JSONDecoder().decode(JSONValue.self, from: Data(body)),
            let error = envelope["error"], case .object = error
        {
            type = error["type"]?.stringValue
            message = error["message"]?.stringValue ?? ""
            details = error["details"].flatMap { $0 == .null ? nil : $0 }
            bodyRequestID = envelope["request_id"]?.stringValue
        } else {
            message = excerpt(body)
        }
        if message.isEmpty { message = reason(status) }
        if let hint, status == 401 || status == 403 { message += " (\(hint))" }
        let requestID = headers[APIConstants.requestIDHeader] ?? bodyRequestID
        return .http(
            status: status, type: type, message: message, requestID: requestID, details: details,
            retryAfter: RetryAfter.seconds(from: headers, now: now).flatMap { $0.isNaN ? nil : $0 })
    }

    /// The first line of a non-JSON body (a proxy's HTML page, say), printable and short.
    static func excerpt(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(2048), as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) } ?? ""
        let printable = line.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }
        let cleaned = String(String.UnicodeScalarView(printable)).trimmed()
        return cleaned.count <= 200 ? cleaned : String(cleaned.prefix(197)) + "..."
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 400: "bad request"
        case 401: "unauthorized"
        case 403: "forbidden"
        case 404: "not found"
        case 408: "request timeout"
        case 409: "conflict"
        case 412: "precondition failed"
        case 429: "too many requests"
        case 500: "internal server error"
        case 502: "bad gateway"
        case 503: "service unavailable"
        case 504: "gateway timeout"
        case 529: "overloaded"
        default: "no error body"
        }
    }
}
