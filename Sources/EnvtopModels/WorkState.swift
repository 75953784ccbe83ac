/// The lifecycle state of a work item.
///
/// The API may grow new states; an unknown one decodes as `.unknown(raw)` so the rest of the item
/// still reaches the screen instead of the whole page failing.
public enum WorkState: Sendable, Hashable, Codable, CustomStringConvertible {
    case queued
    case starting
    case active
    case stopping
    case stopped
    case unknown(String)

    /// The five states the API documents, in lifecycle order.
    public static let known: [WorkState] = [.queued, .starting, .active, .stopping, .stopped]

    public init(rawValue: String) {
        switch rawValue {
        case "queued": self = .queued
        case "starting": self = .starting
        case "active": self = .active
        case "stopping": self = .stopping
        case "stopped": self = .stopped
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .queued: "queued"
        case .starting: "starting"
        case .active: "active"
        case .stopping: "stopping"
        case .stopped: "stopped"
        case .unknown(let raw): raw
        }
    }

    public var description: String { rawValue }

    /// True once nothing more will happen to the item.
    public var isTerminal: Bool { self == .stopped }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
