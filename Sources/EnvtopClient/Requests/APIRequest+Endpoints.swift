import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The paths, queries and bodies of every call, as docs/API.md ("Endpoints") and the SDKs define them.
extension APIRequest {
    private static func work(_ environmentID: String, _ rest: String = "") -> String {
        "/v1/environments/\(URLEncoding.component(environmentID))/work" + rest
    }

    private static func item(_ environmentID: String, _ workID: String, _ rest: String = "") -> String {
        work(environmentID, "/\(URLEncoding.component(workID))" + rest)
    }

    private static func optional(_ name: String, _ value: CustomStringConvertible?) -> [Field] {
        value.map { [Field(name: name, value: $0.description)] } ?? []
    }

    static func listWork(environmentID: String, limit: Int?, page: String?) -> APIRequest {
        APIRequest(
            call: .listWork, method: .get, path: work(environmentID),
            query: optional("limit", limit) + optional("page", page))
    }

    static func getWork(environmentID: String, workID: String) -> APIRequest {
        APIRequest(call: .getWork, method: .get, path: item(environmentID, workID))
    }

    static func stats(environmentID: String) -> APIRequest {
        APIRequest(call: .stats, method: .get, path: work(environmentID, "/stats"))
    }

    static func stopWork(environmentID: String, workID: String, mode: StopMode) -> APIRequest {
        APIRequest(
            call: .stopWork, method: .post, path: item(environmentID, workID, "/stop"),
            body: Array("{\"force\":\(mode.isForce)}".utf8))
    }

    static func updateMetadata(
        environmentID: String, workID: String, patch: MetadataPatch
    ) throws(APIError) -> APIRequest {
        struct Body: Encodable { let metadata: MetadataPatch }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let path = item(environmentID, workID)
        do {
            let body = try encoder.encode(Body(metadata: patch))
            return APIRequest(call: .updateMetadata, method: .post, path: path, body: Array(body))
        } catch {
            throw .decoding(endpoint: "POST \(path)", field: "metadata", message: "could not be encoded as JSON")
        }
    }

    static func poll(
        environmentID: String, workerID: String?, blockMilliseconds: Int?, reclaimOlderThanMilliseconds: Int?
    ) -> APIRequest {
        APIRequest(
            call: .poll, method: .get, path: work(environmentID, "/poll"),
            query: optional("block_ms", blockMilliseconds)
                + optional("reclaim_older_than_ms", reclaimOlderThanMilliseconds),
            headers: workerID.map { [Field(name: APIConstants.workerIDHeader, value: $0)] } ?? [])
    }

    static func ack(environmentID: String, workID: String) -> APIRequest {
        APIRequest(call: .ack, method: .post, path: item(environmentID, workID, "/ack"))
    }

    static func heartbeat(
        environmentID: String, workID: String, desiredTTLSeconds: Int?, expectedLastHeartbeat: String?,
        sessionToken: Credential?
    ) -> APIRequest {
        APIRequest(
            call: .heartbeat, method: .post, path: item(environmentID, workID, "/heartbeat"),
            query: optional("desired_ttl_seconds", desiredTTLSeconds)
                + optional("expected_last_heartbeat", expectedLastHeartbeat),
            sessionToken: sessionToken)
    }

    static func listEnvironments(limit: Int?, page: String?, includeArchived: Bool) -> APIRequest {
        APIRequest(
            call: .listEnvironments, method: .get, path: "/v1/environments",
            query: optional("limit", limit) + optional("page", page)
                + [Field(name: "include_archived", value: includeArchived ? "true" : "false")])
    }

    static func getEnvironment(id: String) -> APIRequest {
        APIRequest(call: .getEnvironment, method: .get, path: "/v1/environments/\(URLEncoding.component(id))")
    }
}
