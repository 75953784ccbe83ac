import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// The `/v1` calls: parse parameters and bodies as the real API does, run them against the
/// state, and encode the answer.
struct WorkCalls {
    let state: SimulatorState

    /// Bodies larger than this are refused; the API's bodies are tiny.
    static let maxBodyBytes = 1 << 20
    /// How often a long poll looks at the queue again while it waits.
    static let longPollStep: Duration = .milliseconds(20)

    func perform(_ match: RouteMatch, caller: Caller, _ request: inout Request) async throws(SimulatorError) -> Data {
        let query = request.uri.queryParameters
        let environmentID = match.environmentID ?? ""
        let workID = match.workID ?? ""
        switch match.route {
        case .listEnvironments:
            let page = EnvironmentPage(data: await state.environments, nextPage: nil)
            return try WireResponse.encode(page)
        case .getEnvironment:
            return try WireResponse.encode(try await state.environment(id: environmentID))
        case .listWork:
            let limit = try Self.integer(query, "limit")
            let page = query["page"].map(String.init)
            let answer = try await state.list(environmentID: environmentID, limit: limit, page: page)
            if let written = WorkPageJSON.encode(answer) { return written }
            return try WireResponse.encode(answer)
        case .getWork:
            return try WireResponse.encode(try await state.item(environmentID: environmentID, id: workID))
        case .stats:
            return try WireResponse.encode(try await state.stats(environmentID: environmentID))
        case .poll:
            return try await poll(environmentID: environmentID, query: query, request: request)
        case .ack:
            return try WireResponse.encode(try await state.ack(environmentID: environmentID, id: workID))
        case .heartbeat:
            let ttl = try Self.integer(query, "desired_ttl_seconds")
            let expected = query["expected_last_heartbeat"].map(String.init)
            let answer = try await state.heartbeat(
                environmentID: environmentID, id: workID, expected: expected, desiredTTLSeconds: ttl)
            return try WireResponse.encode(answer)
        case .stop:
            let body = try await Self.jsonObject(&request, required: false)
            let force: Bool
            switch body["force"] {
            case nil, .null?: force = false
            case .bool(let value)?: force = value
            default: throw .badRequest("force must be true or false")
            }
            return try WireResponse.encode(try await state.stop(environmentID: environmentID, id: workID, force: force))
        case .updateWork:
            let body = try await Self.jsonObject(&request, required: true)
            guard case .object(let metadata)? = body["metadata"] else {
                throw .badRequest("body must be {\"metadata\": {...}}: strings upsert, null deletes")
            }
            var patch: [String: String?] = [:]
            for (key, value) in metadata {
                switch value {
                case .string(let text): patch[key] = .some(text)
                case .null: patch[key] = .some(nil)
                default: throw .badRequest("metadata.\(key) must be a string or null")
                }
            }
            return try WireResponse.encode(
                try await state.updateMetadata(environmentID: environmentID, id: workID, patch: patch))
        case .adminEnqueue, .adminSetFaults, .adminGetFaults, .adminRequestCounts, .adminTrouble:
            throw .notFound("not a /v1 call")
        }
    }

    /// Long poll: answers as soon as an item can be claimed, or JSON `null` after `block_ms`
    /// (at once when `block_ms` is absent).
    private func poll(
        environmentID: String, query: FlatDictionary<Substring, Substring>, request: Request
    ) async throws(SimulatorError) -> Data {
        let blockMilliseconds = try Self.integer(query, "block_ms")
        if let blockMilliseconds, !(1...999).contains(blockMilliseconds) {
            throw .badRequest("block_ms must be between 1 and 999, got \(blockMilliseconds)")
        }
        let reclaim = try Self.integer(query, "reclaim_older_than_ms") ?? APIConstants.defaultReclaimMilliseconds
        guard reclaim >= 0 else { throw .badRequest("reclaim_older_than_ms must be >= 0") }
        let workerID = request.headers[HTTPField.Name(APIConstants.workerIDHeader)!]
        let deadline = ContinuousClock.now + .milliseconds(blockMilliseconds ?? 0)
        while true {
            if let item = try await state.poll(
                environmentID: environmentID, workerID: workerID, reclaimAfter: Double(reclaim) / 1000)
            {
                return try WireResponse.encode(item)
            }
            let now = ContinuousClock.now
            guard now < deadline else { return Data("null".utf8) }
            do { try await Task.sleep(for: min(Self.longPollStep, deadline - now)) } catch {
                return Data("null".utf8)
            }
        }
    }

    static func integer(_ query: FlatDictionary<Substring, Substring>, _ name: String) throws(SimulatorError) -> Int? {
        guard let raw = query[Substring(name)] else { return nil }
        guard let value = Int(raw) else { throw .badRequest("\(name) must be an integer, got \"\(raw.prefix(40))\"") }
        return value
    }

    /// The request body as a JSON object; an empty body is `{}` unless one is required.
    static func jsonObject(_ request: inout Request, required: Bool) async throws(SimulatorError) -> [String: JSONValue] {
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: maxBodyBytes) } catch {
            throw SimulatorError(status: 413, message: "request body larger than \(maxBodyBytes) bytes")
        }
        let data = Data(buffer.readableBytesView)
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            if required { throw .badRequest("this call needs a JSON body") }
            return [:]
        }
        guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: data) else {
            throw .badRequest("body is not a JSON object")
        }
        return object
    }
}
