import EnvtopModels
import Testing

@testable import EnvtopClient

@Suite("Error answers become typed APIErrors")
struct ErrorMappingTests {
    @Test("the API's envelope gives type, message, details; the request-id header wins")
    func envelope() {
        let body = #"""
            {"type":"error","error":{"type":"invalid_request_error","message":"heartbeat precondition failed",
            "details":{"error_code":"heartbeat_precondition_failed","current_state":{"state":"active",
            "last_heartbeat":"2026-01-01T00:00:00Z","lease_extended":false,"ttl_seconds":90}}},"request_id":"req_body"}
            """#
        let error = ErrorResponse.apiError(status: 412, headers: ["Request-Id": "req_header"], body: Array(body.utf8))
        guard case .http(let status, let type, let message, let requestID, let details, _) = error else {
            Issue.record("not an http error: \(error)")
            return
        }
        #expect(status == 412)
        #expect(type == "invalid_request_error")
        #expect(message == "heartbeat precondition failed")
        #expect(requestID == "req_header")
        #expect(details?["error_code"]?.stringValue == "heartbeat_precondition_failed")
        #expect(details?["current_state"]?["state"]?.stringValue == "active")
        #expect(error.description == "HTTP 412 invalid_request_error: heartbeat precondition failed (request-id req_header)")
    }

    @Test("without the header, the body's request_id is used")
    func bodyRequestID() {
        let body = #"{"type":"error","error":{"type":"not_found_error","message":"no such work"},"request_id":"req_9"}"#
        let error = ErrorResponse.apiError(status: 404, headers: [:], body: Array(body.utf8))
        #expect(error == .http(status: 404, type: "not_found_error", message: "no such work", requestID: "req_9", details: nil))
    }

    @Test("a non-JSON error body (a proxy's HTML page) gives a short printable excerpt")
    func htmlBody() {
        let body = "\n<html><head><title>502 Bad Gateway</title></head>\u{1b}[31m\n<body>...</body></html>"
        let error = ErrorResponse.apiError(status: 502, headers: [:], body: Array(body.utf8))
        #expect(error == .http(status: 502, type: nil, message: "<html><head><title>502 Bad Gateway</title></head>[31m",
            requestID: nil, details: nil))
        let empty = ErrorResponse.apiError(status: 503, headers: ["request-id": "r"], body: [])
        #expect(empty == .http(status: 503, type: nil, message: "service unavailable", requestID: "r", details: nil))
        let long = ErrorResponse.apiError(status: 500, headers: [:], body: Array(String(repeating: "x", count: 5000).utf8))
        #expect((long.description.count) < 260)
    }

    @Test("a 401 or 403 says what was sent and what the call takes")
    func refusalHint() {
        let body = #"{"type":"error","error":{"type":"permission_error","message":"list does not accept an API key"}}"#
        let error = ErrorResponse.apiError(status: 403, headers: [:], body: Array(body.utf8), hint: "sent X; list work takes Y")
        #expect(error.description == "HTTP 403 permission_error: list does not accept an API key (sent X; list work takes Y)")
        let notFound = ErrorResponse.apiError(status: 404, headers: [:], body: Array(body.utf8), hint: "sent X")
        #expect(!notFound.description.contains("sent X"))
    }

    @Test("credential values echoed by a server or library are redacted")
    func redaction() {
        let redaction = SecretRedaction([Credential("sk-ant-api-SECRET-123456"), nil, Credential("short")])
        let error = APIError.http(status: 401, type: "authentication_error",
            message: "invalid x-api-key sk-ant-api-SECRET-123456 (short)", requestID: nil, details: nil)
        #expect(redaction.apply(error).description == "HTTP 401 authentication_error: invalid x-api-key <redacted> (short)")
        #expect(redaction.apply(.transport("proxy said sk-ant-api-SECRET-123456")) == .transport("proxy said <redacted>"))
    }
}

@Suite("Malformed bodies become decoding errors naming endpoint and field")
struct DecodingErrorTests {
    let endpoint = "GET /v1/environments/env_1/work"

    private func decodingError<T: Decodable>(_ type: T.Type, _ json: String) -> APIError? {
        do {
            _ = try ResponseDecoding.decode(type, from: Array(json.utf8), endpoint: endpoint)
            return nil
        } catch {
            return error
        }
    }

    static let goodItem = #"""
        {"type":"work","id":"work_1","environment_id":"env_1","state":"active","data":{"type":"session","id":"session_1"},
        "metadata":{},"created_at":"2026-01-01T00:00:00Z","acknowledged_at":null,"started_at":null,
        "latest_heartbeat_at":null,"stop_requested_at":null,"stopped_at":null,"secret":null}
        """#

    @Test("a missing field in the third item of a page is named with its index; the two good items stay")
    func missingField() throws {
        let broken = Self.goodItem.replacingOccurrences(of: #""created_at":"2026-01-01T00:00:00Z","#, with: "")
        let json = #"{"data":[\#(Self.goodItem),\#(Self.goodItem),\#(broken)],"next_page":null}"#
        let page = try ResponseDecoding.decodePage(from: Array(json.utf8), endpoint: endpoint)
        #expect(page.data.count == 2)
        #expect(page.unreadable == ["data[2] (work_1): no created_at"])
    }

    @Test("a wrong type, a null where a value is required, and a bad timestamp are named")
    func wrongValues() {
        let wrongType = Self.goodItem.replacingOccurrences(of: #""id":"work_1""#, with: #""id":7"#)
        #expect(decodingError(WorkItem.self, wrongType) == .decoding(endpoint: endpoint, field: "id", message: "is not a string"))
        let null = Self.goodItem.replacingOccurrences(of: #""id":"work_1""#, with: #""id":null"#)
        #expect(decodingError(WorkItem.self, null) == .decoding(endpoint: endpoint, field: "id", message: "is null where a string is required"))
        let badTime = Self.goodItem.replacingOccurrences(of: #""started_at":null"#, with: #""started_at":"yesterday""#)
        guard case .decoding(_, let field, let message) = decodingError(WorkItem.self, badTime) else {
            Issue.record("expected a decoding error")
            return
        }
        #expect(field == "started_at")
        #expect(message.contains("RFC 3339"))
        let stats = #"{"type":"work_queue_stats","depth":"many","pending":0,"oldest_queued_at":null,"workers_polling":null}"#
        #expect(decodingError(QueueStats.self, stats) == .decoding(endpoint: endpoint, field: "depth", message: "is not a number"))
    }

    @Test("truncated JSON, HTML and an empty body are errors, not crashes")
    func notJSON() {
        #expect(decodingError(WorkItem.self, String(Self.goodItem.prefix(40))) == .decoding(endpoint: endpoint, field: "(body)", message: "is not valid JSON"))
        #expect(decodingError(WorkPage.self, "<html>oops</html>") == .decoding(endpoint: endpoint, field: "(body)", message: "is not valid JSON"))
        #expect(decodingError(WorkPage.self, " \n") == .decoding(endpoint: endpoint, field: "(body)", message: "is empty"))
        #expect(decodingError(WorkPage.self, "[]") == .decoding(endpoint: endpoint, field: "(body)", message: "is not of the expected type"))
    }

    @Test("an unknown state or data.type decodes as .unknown and keeps the rest of the item")
    func unknownCases() throws {
        let json = Self.goodItem.replacingOccurrences(of: #""state":"active""#, with: #""state":"paused""#)
            .replacingOccurrences(of: #""type":"session""#, with: #""type":"batch""#)
        let item = try ResponseDecoding.decode(WorkItem.self, from: Array(json.utf8), endpoint: endpoint)
        #expect(item.state == .unknown("paused"))
        #expect(item.data.kind == .unknown("batch"))
        #expect(item.id == "work_1")
        #expect(item.data.id == "session_1")
    }

    @Test("a poll answering null (or nothing) is no work; anything else must be an item")
    func pollBodies() throws {
        #expect(try ResponseDecoding.decodePolledItem(from: Array("null".utf8), endpoint: endpoint) == nil)
        #expect(try ResponseDecoding.decodePolledItem(from: Array(" null\n".utf8), endpoint: endpoint) == nil)
        #expect(try ResponseDecoding.decodePolledItem(from: [], endpoint: endpoint) == nil)
        #expect(try ResponseDecoding.decodePolledItem(from: Array(Self.goodItem.utf8), endpoint: endpoint)?.id == "work_1")
        #expect(throws: APIError.self) {
            try ResponseDecoding.decodePolledItem(from: Array("{}".utf8), endpoint: endpoint)
        }
    }
}
