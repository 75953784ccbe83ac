/// A one-line text input: what the search line (and later editors) type into.
///
/// Printable text only: control characters, newlines and escape sequences from a paste become
/// spaces or are dropped, so a field can never smuggle a key. Bounded, and each key costs
/// O(1) amortised, so a 100 KB paste cannot stall the dashboard.
public struct TextField: Sendable, Equatable {
    /// The longest text a field keeps.
    public static let maxLength = 256

    public private(set) var text: String = ""
    private var count = 0

    public init(_ text: String = "") { insert(text) }

    public var isEmpty: Bool { text.isEmpty }

    /// Appends typed or pasted text; returns true when some of it did not fit.
    @discardableResult
    public mutating func insert(_ typed: String) -> Bool {
        for character in typed {
            guard count < Self.maxLength else { return true }
            if let clean = Self.printable(character) {
                text.append(clean)
                count += 1
            }
        }
        return false
    }

    public mutating func deleteBackward() {
        guard !text.isEmpty else { return }
        text.removeLast()
        count -= 1
    }

    public mutating func clear() {
        text = ""
        count = 0
    }

    /// A character as the field keeps it: line breaks and tabs as a space, other controls dropped.
    static func printable(_ c: Character) -> Character? {
        if c == "\n" || c == "\r" || c == "\r\n" || c == "\t" { return " " }
        for scalar in c.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || v == 0x7F || (0x80..<0xA0).contains(v) { return nil }
        }
        return c
    }
}
