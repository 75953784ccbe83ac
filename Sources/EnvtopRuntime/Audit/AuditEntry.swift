import EnvtopCore
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The two audit lines of one stop or metadata update: the attempt, written (and fsynced) before the call, and its
/// outcome after it, before the answer reaches the state (and so before the screen says it).
struct AuditEntry: Sendable {
    let audit: AuditTrail?
    let environment: String
    let workID: String
    /// `stop`, `force_stop` or `update_metadata`.
    let action: String
    var batch: BatchTag? = nil
    /// The metadata patch sent (keys and values; null for a deleted key).
    var patch: MetadataPatch? = nil
    var reason: String? = nil

    init(audit: AuditTrail?, environment: String, workID: String, mode: StopMode, batch: BatchTag?, reason: String? = nil) {
        self.audit = audit
        self.environment = environment
        self.workID = workID
        self.action = mode == .force ? "force_stop" : "stop"
        self.batch = batch
        self.reason = reason
    }

    init(audit: AuditTrail?, environment: String, workID: String, patch: MetadataPatch, reason: String? = nil) {
        self.audit = audit
        self.environment = environment
        self.workID = workID
        self.action = "update_metadata"
        self.patch = patch
        self.reason = reason
    }

    func record(_ result: String, status: Int? = nil, requestID: String? = nil, detail: String? = nil) -> AuditRecord {
        AuditRecord(
            time: Date(), user: audit?.user ?? "", profile: audit?.profiles[environment] ?? "", environment: environment,
            workID: workID, action: action, result: result, reason: reason, batch: batch?.number, position: batch?.position, status: status,
            requestID: requestID, detail: detail, patch: patch.map(Self.json))
    }

    /// The patch as a JSON object: each key's new value, null for a deleted one.
    static func json(_ patch: MetadataPatch) -> [String: JSONValue] {
        patch.changes.mapValues { $0.map(JSONValue.string) ?? .null }
    }

    /// Writes the attempt; the error to answer instead of sending, when it cannot be written.
    func attempt() -> APIError? {
        guard let audit else { return nil }
        do {
            try audit.log.append(record("attempt"))
            return nil
        } catch {
            return .notSent("\(error); set audit: off in the config to act without one")
        }
    }

    /// Writes what the API answered. The stop has happened by now: a failure here cannot undo it.
    func outcome(_ result: Result<WorkItem, APIError>) {
        guard let audit else { return }
        let line: AuditRecord
        switch result {
        case .success(let item):
            line = record("ok", status: 200, detail: "the item is \(item.state.rawValue)")
        case .failure(let error):
            let unclear: Bool
            switch error {
            case .timedOut, .transport, .decoding: unclear = true
            default: unclear = (error.status ?? 0) >= 500
            }
            let kind = unclear ? "unclear" : (error.status.map { (400..<500).contains($0) } ?? false) ? "refused" : "error"
            line = record(kind, status: error.status, requestID: error.requestID, detail: error.description)
        }
        try? audit.log.append(line)
    }
}
