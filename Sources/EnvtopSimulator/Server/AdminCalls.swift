import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Hummingbird

/// The calls outside `/v1`, for tests and for people trying things: `POST /_sim/enqueue`
/// (`?environment_id=E&count=N`, optional `&quiet=true` to answer only `{"created": N}`, optional
/// body `{"metadata": {...}}`), `GET`/`POST /_sim/faults` and `POST /_sim/trouble`
/// (`{"kind": "stalled_claim", "environment_id": E, "count"?: N, "seconds"?: S}`, see
/// `TroubleKind`). No credential, no faults.
struct AdminCalls {
    let state: SimulatorState
    let troubles: TroubleRunner

    /// The most items one enqueue call may create.
    static let maxEnqueue = 100_000

    private struct Created: Encodable {
        var data: [WorkItem]
    }

    func perform(_ match: RouteMatch, _ request: inout Request) async throws(SimulatorError) -> Data {
        switch match.route {
        case .adminEnqueue:
            let query = request.uri.queryParameters
            guard let environmentID = query["environment_id"].map(String.init), !environmentID.isEmpty else {
                throw .badRequest("environment_id is required")
            }
            let count = try WorkCalls.integer(query, "count") ?? 1
            guard (1...Self.maxEnqueue).contains(count) else {
                throw .badRequest("count must be between 1 and \(Self.maxEnqueue)")
            }
            let body = try await WorkCalls.jsonObject(&request, required: false)
            var metadata: [String: String] = [:]
            if let given = body["metadata"] {
                guard case .object(let object) = given else {
                    throw .badRequest("metadata must be an object of strings")
                }
                for (key, value) in object {
                    guard case .string(let text) = value else { throw .badRequest("metadata must be an object of strings") }
                    metadata[key] = text
                }
            }
            if query["quiet"] == "true" {
                // Scale tests: create without building and encoding every answer.
                try await state.enqueueSilently(environmentID: environmentID, count: count, metadata: metadata)
                return try WireResponse.encode(["created": count])
            }
            let items = try await state.enqueue(environmentID: environmentID, count: count, metadata: metadata)
            return try WireResponse.encode(Created(data: items))
        case .adminSetFaults:
            let buffer: ByteBuffer
            do { buffer = try await request.collectBody(upTo: WorkCalls.maxBodyBytes) } catch {
                throw .badRequest("body too large")
            }
            let faults: FaultSettings
            do { faults = try JSONDecoder().decode(FaultSettings.self, from: Data(buffer.readableBytesView)) } catch {
                throw .badRequest("body is not fault settings JSON: \(error)")
            }
            let problems = faults.validationProblems()
            guard problems.isEmpty else { throw .badRequest(problems.joined(separator: "; ")) }
            await state.setFaults(faults)
            return try WireResponse.encode(faults)
        case .adminGetFaults:
            return try WireResponse.encode(await state.faults)
        case .adminTrouble:
            let buffer: ByteBuffer
            do { buffer = try await request.collectBody(upTo: WorkCalls.maxBodyBytes) } catch {
                throw .badRequest("body too large")
            }
            let trouble: TroubleRequest
            do { trouble = try JSONDecoder().decode(TroubleRequest.self, from: Data(buffer.readableBytesView)) } catch {
                let kinds = TroubleKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw .badRequest("body is not a trouble: {\"kind\": one of \(kinds), \"environment_id\": ...}")
            }
            let ids = await state.environmentIDs
            guard let environmentID = trouble.environmentID ?? ids.first, ids.contains(environmentID) else {
                throw .notFound("no environment \(trouble.environmentID ?? "")")
            }
            await troubles.start(trouble, environmentID: environmentID)
            return try WireResponse.encode(["started": trouble.kind.rawValue, "environment_id": environmentID])
        case .adminRequestCounts:
            // For benchmarks and tests of a standalone simulator: requests per refresh.
            return try WireResponse.encode(["counts": await state.requestCounts])
        default:
            throw .notFound("not an admin call")
        }
    }
}
