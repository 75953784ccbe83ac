/// What envtop checks before it sends a metadata patch. The API reference states no limits on
/// keys, values or their count, so these are envtop's own, kept small enough for any sane
/// server: a refused patch is still reported in plain words, and the editor keeps its draft.
public enum MetadataLimits {
    public static let maxKeys = 16
    public static let maxKeyLength = 64
    /// The text field's own limit: a longer value could not be typed or shown whole.
    public static let maxValueLength = TextField.maxLength

    /// What is wrong with `key` as a metadata key, if anything.
    public static func problem(key: String) -> String? {
        if key.isEmpty { return "a key cannot be empty" }
        if key.count > maxKeyLength { return "a key is at most \(maxKeyLength) characters (this one has \(key.count))" }
        if key.contains(" ") { return "a key cannot contain spaces" }
        return nil
    }

    /// What is wrong with `value`, if anything.
    public static func problem(value: String) -> String? {
        value.count > maxValueLength ? "a value is at most \(maxValueLength) characters" : nil
    }

    /// What is wrong with the whole draft, if anything: more keys than allowed, unless the item
    /// already had that many (a patch that only edits or removes is always allowed).
    public static func problem(draft: [String: String], original: [String: String]) -> String? {
        if draft.count > maxKeys && draft.count > original.count {
            return "at most \(maxKeys) keys: remove one first"
        }
        return nil
    }
}
