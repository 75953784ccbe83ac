/// Which environments a profile watches: every self-hosted one its API lists, or the ids the
/// file names. Lines are kept so a check made later (an id the API does not know) can point at
/// the file.
public enum EnvironmentSelection: Sendable, Hashable {
    /// `environments: all`, or no `environments` key (then the line is the profile name's).
    case all(line: Int)
    /// `environments: [env_a, env_b]` (or a block list), never empty, no id twice.
    case ids([ListedEnvironment])
}

/// One id of an `environments:` list, and its line.
public struct ListedEnvironment: Sendable, Hashable {
    public var id: String
    public var line: Int

    public init(id: String, line: Int) {
        self.id = id
        self.line = line
    }
}
