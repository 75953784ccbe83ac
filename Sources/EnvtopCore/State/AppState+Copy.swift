import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension AppState {
    /// `c` / `C`: the selected id, or the whole item as JSON, to the clipboard. The store never
    /// holds a secret, and the copy drops the field anyway.
    mutating func copySelected(json: Bool) -> [Effect] {
        guard let ref = selected, var item = item(ref) else {
            show(.nothingSelected)
            return []
        }
        var text = item.id
        if json {
            item.secret = nil
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            guard let data = try? encoder.encode(item) else { return [] }
            text = String(decoding: data, as: UTF8.self)
        }
        show(.copied(what: json ? "\(item.id) as JSON" : item.id, bytes: text.utf8.count))
        return [.copy(text)]
    }
}
