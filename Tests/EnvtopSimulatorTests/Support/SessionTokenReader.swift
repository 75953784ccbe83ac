import EnvtopModels
import Foundation

/// Unpacks a polled item's secret the way the SDK's worker does (base64url JSON, no padding).
enum SessionTokenReader {
    static func payload(in item: WorkItem) -> [String: Any]? {
        guard let secret = item.secret else { return nil }
        var text = secret.revealForWorker().replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/")
        text += String(repeating: "=", count: (4 - text.count % 4) % 4)
        guard let data = Data(base64Encoded: text) else { return nil }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    static func token(in item: WorkItem) -> String? { payload(in: item)?["sessions_token"] as? String }
}
