/// Why a proxy setting cannot be used, in plain words (never echoing the setting itself).
public struct ProxyProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
