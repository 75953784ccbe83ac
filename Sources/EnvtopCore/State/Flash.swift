#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A timed notice on the status line: the result of an action, or why a key did nothing.
public struct Flash: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case info, success, warning, error }

    public var notice: Notice
    public var expiresAt: Date

    public init(_ notice: Notice, expiresAt: Date) {
        self.notice = notice
        self.expiresAt = expiresAt
    }

    public var kind: Kind { notice.kind }
}
