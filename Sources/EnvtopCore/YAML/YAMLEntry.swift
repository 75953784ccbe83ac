import Yams

/// One `key: value` of a YAML mapping, with the line the key is on (for error messages).
struct YAMLEntry {
    let key: String
    let value: Node
    let line: Int

    /// True for `key:` with nothing after it (or `~` / `null`).
    var isNull: Bool {
        guard case .scalar(let scalar) = value, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The value's own line (it can sit below the key).
    var valueLine: Int { value.mark?.line ?? line }
}
