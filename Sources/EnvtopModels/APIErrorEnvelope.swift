/// The API's error body: `{"type":"error","error":{"type","message","details"},"request_id"}`.
public struct APIErrorEnvelope: Sendable, Hashable, Codable {
    public struct Body: Sendable, Hashable, Codable {
        public var type: String
        public var message: String
        public var details: JSONValue?

        public init(type: String, message: String, details: JSONValue? = nil) {
            self.type = type
            self.message = message
            self.details = details
        }
    }

    public var type: String
    public var error: Body
    public var requestID: String?

    public init(error: Body, requestID: String?) {
        self.type = "error"
        self.error = error
        self.requestID = requestID
    }

    enum CodingKeys: String, CodingKey {
        case type, error
        case requestID = "request_id"
    }

    /// The API's `error.type` for an HTTP status, as docs/API.md ("Errors") lists them.
    public static func errorType(forStatus status: Int) -> String {
        switch status {
        case 400, 412, 422: "invalid_request_error"
        case 401: "authentication_error"
        case 403: "permission_error"
        case 404: "not_found_error"
        case 409: "conflict_error"
        case 413: "request_too_large"
        case 429: "rate_limit_error"
        case 529: "overloaded_error"
        default: "api_error"
        }
    }
}
