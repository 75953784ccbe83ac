#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One credential (an API key, an environment key, a bearer token or an item's session token).
///
/// The value is reachable only inside this module, where a request header is built; printing,
/// interpolating, dumping or mirroring it shows a fixed placeholder, so it cannot reach a screen, a
/// log line or an error text by accident.
public struct Credential: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    let value: String

    /// Wraps a raw value; surrounding whitespace (a stray newline in an env file) is dropped.
    public init(_ value: String) {
        self.value = value.trimmed()
    }

    /// True when there is nothing to send.
    public var isEmpty: Bool { value.isEmpty }

    public var description: String { "<credential redacted>" }
    public var debugDescription: String { "<credential redacted>" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
