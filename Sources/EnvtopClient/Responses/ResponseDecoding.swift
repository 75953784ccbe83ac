import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns a successful answer's body into a model, or into an `APIError.decoding` that names the
/// endpoint and the field (`data[3].created_at`), never crashing on a malformed body.
enum ResponseDecoding {
    static func decode<T: Decodable>(_ type: T.Type, from body: [UInt8], endpoint: String) throws(APIError) -> T {
        if body.allSatisfy(isJSONWhitespace) {
            throw .decoding(endpoint: endpoint, field: "(body)", message: "is empty")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(body))
        } catch let error as DecodingError {
            let (field, message) = describe(error)
            throw .decoding(endpoint: endpoint, field: field, message: message)
        } catch {
            throw .decoding(endpoint: endpoint, field: "(body)", message: "could not be read")
        }
    }

    /// A list page: `WorkPageFastDecoder` when it can, `JSONDecoder` otherwise, item by item
    /// (`WorkPage.unreadable` lists the items that are not work items), after lone surrogate
    /// escapes are replaced: one odd item or string never hides the rest of the page.
    static func decodePage(from body: [UInt8], endpoint: String) throws(APIError) -> WorkPage {
        if let page = WorkPageFastDecoder.decode(body) { return page }
        return try decode(WorkPage.self, from: LoneSurrogates.repair(body), endpoint: endpoint)
    }

    /// `null` (and, leniently, an empty body) means "no work"; anything else must be a work item.
    static func decodePolledItem(from body: [UInt8], endpoint: String) throws(APIError) -> WorkItem? {
        let text = body.filter { !isJSONWhitespace($0) }
        if text.isEmpty || text == Array("null".utf8) { return nil }
        return try decode(WorkItem.self, from: body, endpoint: endpoint)
    }

    static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// The field path and a short reason, from Foundation's decoding error.
    static func describe(_ error: DecodingError) -> (field: String, message: String) {
        switch error {
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "is missing")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "is null where \(typeName(type)) is required")
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "is not \(typeName(type))")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return ("(body)", "is not valid JSON") }
            return (path(context.codingPath), shorten(context.debugDescription))
        @unknown default:
            return ("(body)", "could not be decoded")
        }
    }

    /// `data[3].created_at` from a coding path; `(body)` for the top level.
    static func path(_ keys: [any CodingKey]) -> String {
        var out = ""
        for key in keys {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += (out.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return out.isEmpty ? "(body)" : out
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "a boolean"
        default: "of the expected type"
        }
    }

    private static func shorten(_ text: String) -> String {
        text.count <= 120 ? text : String(text.prefix(117)) + "..."
    }
}
