import EnvtopCore
import EnvtopModels
import Foundation

/// The two audit lines of one stop: the attempt, written (and fsynced) before the call, and its
/// outcome after it, before the answer reaches the state (and so before the screen says it).
struct AuditEntry: Sendable {
    let audit: AuditTrail?
    let environment: String
    let workID: String
    let mode: StopMode
    let batch: BatchTag?

    var action: String { mode == .force ? "force_stop" : "stop" }

    func record(_ result: String, status: Int? = nil, requestID: String? = nil, detail: String? = nil) -> AuditRecord {
        AuditRecord(
            time: Date(), user: audit?.user ?? "", profile: audit?.profiles[environment] ?? "", environment: environment,
            workID: workID, action: action, result: result, batch: batch?.number, position: batch?.position, status: status,
            requestID: requestID, detail: detail)
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
