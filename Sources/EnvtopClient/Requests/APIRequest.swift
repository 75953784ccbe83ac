/// One call of the API before credentials and transport are added: plain data, testable alone.
struct APIRequest: Sendable, Hashable {
    enum Method: String, Sendable, Hashable {
        case get = "GET"
        case post = "POST"
    }

    struct Field: Sendable, Hashable {
        let name: String
        let value: String
    }

    let call: WorkCall
    let method: Method
    /// Starts with `/v1/`; ids are already percent-encoded.
    let path: String
    /// Starts with `beta=true`, as every path of this API carries it.
    let query: [Field]
    /// JSON, or `nil` for a request without a body (GETs, ack and heartbeat).
    let body: [UInt8]?
    /// Call-specific headers, such as the worker id of a poll.
    let headers: [Field]
    /// Only a heartbeat carries one; it then wins over the configured credentials.
    let sessionToken: Credential?

    init(
        call: WorkCall, method: Method, path: String, query: [Field] = [], body: [UInt8]? = nil,
        headers: [Field] = [], sessionToken: Credential? = nil
    ) {
        self.call = call
        self.method = method
        self.path = path
        self.query = [Field(name: "beta", value: "true")] + query
        self.body = body
        self.headers = headers
        self.sessionToken = sessionToken
    }

    /// `GET /v1/environments/env_1/work`, for logs and decoding errors (no query: it may be long).
    var endpoint: String { "\(method.rawValue) \(path)" }

    var encodedQuery: String { URLEncoding.query(query.map { (name: $0.name, value: $0.value) }) }
}
