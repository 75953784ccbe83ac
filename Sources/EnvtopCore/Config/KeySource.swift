/// Where a profile's key comes from (`api_key_env`, `api_key_file`, `api_key_command`, and the
/// same three for the environment key). The config names the place, never the key itself, so the
/// file can be shared and committed.
public struct KeySource: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// An environment variable's name.
        case variable(String)
        /// A file path as written (a leading `~/` is the home directory).
        case file(String)
        /// A shell command that prints the key.
        case command(String)
    }

    public var kind: Kind
    /// The line of the key that set it.
    public var line: Int

    public init(kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }
}
