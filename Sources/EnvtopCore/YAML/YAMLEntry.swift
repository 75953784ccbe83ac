
/// One `key: value` of a YAML mapping, with the line the key is on (for error messages).
public struct YAMLEntry {
    public let key: String
    public let value: YAMLNode
    public let line: Int

    /// True for `key:` with nothing after it (or `~` / `null`).
    public var isNull: Bool {
        guard case .scalar(let scalar) = value, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The value's own line (it can sit below the key).
    public var valueLine: Int { value.mark?.line ?? line }
}
