/// Makes the API's identifiers (`work_`, `session_`, `env_`, `req_`, `sk-ant-req-` + base62) from a
/// seeded stream, so the same seed names the same items.
public struct IdentifierFactory: Sendable {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    public var random: SplitMix64

    public init(random: SplitMix64) { self.random = random }

    public mutating func make(prefix: String, length: Int = 24) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(length)
        for _ in 0..<length {
            bytes.append(Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))])
        }
        return prefix + String(decoding: bytes, as: UTF8.self)
    }

    public mutating func workID() -> String { make(prefix: "work_") }
    public mutating func sessionID() -> String { make(prefix: "session_") }
    public mutating func environmentID() -> String { make(prefix: "env_") }
    public mutating func requestID() -> String { make(prefix: "req_") }
    /// A sessions token: from the system generator, not the seed, so nobody can predict one.
    public static func sessionsToken() -> String {
        var system = SystemRandomNumberGenerator()
        return "sk-ant-req-" + String(decoding: (0..<40).map { _ in alphabet.randomElement(using: &system)! }, as: UTF8.self)
    }
}
