/// A merge patch for a work item's metadata: a string upserts the key, `nil` deletes it, and keys
/// not named are kept.
public struct MetadataPatch: Sendable, Hashable, Encodable {
    public var changes: [String: String?]

    public init(_ changes: [String: String?]) { self.changes = changes }

    /// Applies the patch to existing metadata, as the server does.
    public func applied(to metadata: [String: String]) -> [String: String] {
        var result = metadata
        for (key, value) in changes {
            if let value { result[key] = value } else { result.removeValue(forKey: key) }
        }
        return result
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        for (key, value) in changes.sorted(by: { $0.key < $1.key }) {
            if let value { try c.encode(value, forKey: AnyKey(stringValue: key)) } else {
                try c.encodeNil(forKey: AnyKey(stringValue: key))
            }
        }
    }
}
