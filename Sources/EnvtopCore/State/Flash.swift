import Foundation

/// A timed message on the status line: the result of an action, or why a key did nothing.
public struct Flash: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case info, success, warning, error }

    public var text: String
    public var kind: Kind
    public var expiresAt: Date

    public init(_ text: String, kind: Kind = .info, expiresAt: Date) {
        self.text = text
        self.kind = kind
        self.expiresAt = expiresAt
    }
}
