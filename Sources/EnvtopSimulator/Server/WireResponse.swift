import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// Builds the simulator's HTTP answers: JSON bodies with a `request-id` header, and errors in the
/// API's envelope.
enum WireResponse {
    static let requestIDHeader = HTTPField.Name(APIConstants.requestIDHeader)!
    static let retryAfterHeader = HTTPField.Name("retry-after")!
    static let retryAfterMillisecondsHeader = HTTPField.Name("retry-after-ms")!

    /// Keys in a fixed order, as a real server writes them: FoundationEssentials' encoder keeps
    /// them in a dictionary, so without `.sortedKeys` every answer for the same page came out
    /// in another order, and a client could not tell an unchanged page by its bytes.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func encode(_ value: some Encodable) throws(SimulatorError) -> Data {
        do { return try encoder().encode(value) } catch {
            throw SimulatorError(status: 500, message: "the simulator could not encode its answer")
        }
    }

    static func json(_ body: Data, requestID: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[requestIDHeader] = requestID
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func error(_ error: SimulatorError, requestID: String, retryAfterSeconds: Double? = nil) -> Response {
        let envelope = APIErrorEnvelope(
            error: .init(type: error.type, message: error.message, details: error.details), requestID: requestID)
        let body = (try? encoder().encode(envelope)) ?? Data(#"{"type":"error"}"#.utf8)
        var response = json(body, requestID: requestID, status: HTTPResponse.Status(code: error.status))
        if let retryAfterSeconds {
            let whole = retryAfterSeconds.rounded(.up)
            response.headers[retryAfterHeader] = String(Int(whole))
            response.headers[retryAfterMillisecondsHeader] = String(Int((retryAfterSeconds * 1000).rounded()))
        }
        return response
    }

    /// A body cut in half: valid UTF-8 up to the cut, never valid JSON.
    static func malformed(_ body: Data) -> Data {
        let cut = max(1, body.count / 2)
        return body.prefix(cut) + Data(#"{"truncated"#.utf8)
    }
}
