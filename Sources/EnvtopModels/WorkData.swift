/// What a work item asks a worker to do: run a session, or answer a health check.
public struct WorkData: Sendable, Hashable, Codable {
    /// The kind of work. Unknown kinds decode as `.unknown(raw)`.
    public enum Kind: Sendable, Hashable, Codable, CustomStringConvertible {
        case session
        case healthcheck
        case unknown(String)

        public init(rawValue: String) {
            switch rawValue {
            case "session": self = .session
            case "healthcheck": self = .healthcheck
            default: self = .unknown(rawValue)
            }
        }

        public var rawValue: String {
            switch self {
            case .session: "session"
            case .healthcheck: "healthcheck"
            case .unknown(let raw): raw
            }
        }

        public var description: String { rawValue }

        public init(from decoder: any Decoder) throws {
            self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
    }

    /// The session id (`session_...`) or health check id.
    public var id: String
    public var kind: Kind

    public init(id: String, kind: Kind = .session) {
        self.id = id
        self.kind = kind
    }

    enum CodingKeys: String, CodingKey {
        case id
        case kind = "type"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        // The TypeScript SDK's union is `{type: "session"} | {type?: "healthcheck"}`: session work
        // always names its type, so work data without one is a health check.
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .healthcheck
    }
}
