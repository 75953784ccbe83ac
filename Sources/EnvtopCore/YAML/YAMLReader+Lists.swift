
extension YAMLReader {
    /// The items of a list value (a block list of `- item` lines, or a flow list `[a, b]`), each
    /// a single value with its own line; nil when the value is not a list at all, so the caller
    /// can say what else it accepts.
    ///
    /// - Throws: `SettingsFileError` at an item that is itself a list or a mapping.
    public func list(_ entry: YAMLEntry, what: String) throws(SettingsFileError) -> [(value: String, line: Int)]? {
        guard case .sequence(let sequence) = entry.value else { return nil }
        var items: [(value: String, line: Int)] = []
        for node in sequence {
            let line = node.mark?.line ?? entry.valueLine
            guard case .scalar(let scalar) = node else {
                throw fail(line, "\(what) must list single values, not lists or mappings")
            }
            let isNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
            items.append((isNull ? "" : scalar.string, line))
        }
        return items
    }
}
