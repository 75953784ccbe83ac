/// The per-item credential the API fills in only on poll.
///
/// Its value is reachable only through `revealForWorker()`: printing, interpolating, dumping or
/// mirroring it shows a fixed placeholder, so it cannot leak into a screen, a log or an error.
public struct WorkSecret: Sendable, Hashable, Codable, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable
{
    private let value: String

    public init(_ value: String) { self.value = value }

    /// The raw value, for code acting as a worker (heartbeat with the session token). Never display it.
    public func revealForWorker() -> String { value }

    public var description: String { "<secret redacted>" }
    public var debugDescription: String { "<secret redacted>" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
