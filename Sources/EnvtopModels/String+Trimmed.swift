extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, newlines).
    ///
    /// Our own because `trimmingCharacters(in:)` lives in full Foundation, which envtop keeps
    /// out of its binary (FoundationEssentials on Linux does not have it).
    public func trimmed() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
