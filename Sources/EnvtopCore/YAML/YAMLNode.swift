/// One node of a parsed YAML document: a scalar, a mapping or a sequence, each with the place
/// it starts at, so every error can name a line. Only what envtop's config and theme readers
/// need: scalars stay text (the readers decide what a number or a boolean is).
public indirect enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(List)

    /// A place in the file, 1-based like an editor shows it.
    public struct Mark: Sendable, Hashable {
        public var line: Int
        public var column: Int
    }

    /// A text value and how it was written (a plain `null` differs from a quoted "null").
    public struct Scalar: Sendable {
        public enum Style: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }
        public var string: String
        public var style: Style
        public var mark: Mark?
    }

    /// `key: value` pairs in file order (duplicates kept: the reader reports them).
    public struct Mapping: Sendable, Swift.Sequence {
        public var pairs: [(key: YAMLNode, value: YAMLNode)]
        public var mark: Mark?
        public var isEmpty: Bool { pairs.isEmpty }
        public func makeIterator() -> IndexingIterator<[(key: YAMLNode, value: YAMLNode)]> { pairs.makeIterator() }
    }

    /// `- item` lines or `[a, b]`.
    public struct List: Sendable, Swift.Sequence {
        public var items: [YAMLNode]
        public var mark: Mark?
        public var isEmpty: Bool { items.isEmpty }
        public func makeIterator() -> IndexingIterator<[YAMLNode]> { items.makeIterator() }
    }

    public var mark: Mark? {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let list): list.mark
        }
    }
}

/// Why libyaml could not read a file, in its own words and at its own place.
public enum YAMLSyntaxError: Error, Sendable {
    /// The bytes are not text libyaml can read (bad UTF-8, a control character); `offset` is
    /// the byte it stopped at.
    case reader(problem: String, offset: Int)
    /// A scanner, parser or composer error: what is wrong, where, and what was being read.
    case syntax(problem: String, mark: YAMLNode.Mark, context: String?, contextMark: YAMLNode.Mark?)
    /// Out of memory, or anything else libyaml could not describe.
    case other(String)
}
