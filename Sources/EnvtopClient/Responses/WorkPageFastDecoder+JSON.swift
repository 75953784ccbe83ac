#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The JSON side of `WorkPageFastDecoder.Reader`: objects and keys, strings, skipping values
/// nobody reads, and single bytes. The field mapping (page, items, `Key`) is in
/// `WorkPageFastDecoder.swift`.
extension WorkPageFastDecoder.Reader {
    // MARK: - Objects and keys

    /// Walks an object, handing each key to `member` with the reader at its value.
    mutating func object(_ member: (inout Self, Key) -> Bool) -> Bool {
        guard enter(UInt8(ascii: "{")) else { return false }
        defer { depth -= 1 }
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return true
        }
        while true {
            skipWhitespace()
            guard let key = key(), colon(), member(&self, key) else { return false }
            skipWhitespace()
            guard let next = take() else { return false }
            if next == UInt8(ascii: "}") { return true }
            guard next == UInt8(ascii: ",") else { return false }
        }
    }

    /// A key, matched on its bytes (after escapes, which could spell a known key another way).
    mutating func key() -> Key? {
        guard take() == UInt8(ascii: "\"") else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let length = index - start
                index += 1
                for entry in Key.table where entry.name.count == length {
                    if entry.name.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress! + start, length) == 0 }) {
                        return entry.key
                    }
                }
                return validUTF8(start, length) ? .other : nil
            }
            if byte == UInt8(ascii: "\\") {
                index = start
                guard let text = escapedString() else { return nil }
                let name = Array(text.utf8)
                return Key.table.first { $0.name == name }?.key ?? .other
            }
            if byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    mutating func colon() -> Bool {
        skipWhitespace()
        guard take() == UInt8(ascii: ":") else { return false }
        skipWhitespace()
        return true
    }

    // MARK: - Strings

    /// `null` as `.some(nil)`; a string as itself.
    mutating func optionalString() -> String?? {
        if literal("null") { return .some(nil) }
        guard let text = string() else { return nil }
        return .some(text)
    }

    /// A string; escapes are decoded, invalid UTF-8 and lone surrogates are refused.
    mutating func string() -> String? {
        guard take() == UInt8(ascii: "\"") else { return nil }
        let start = index
        var ascii = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return ascii ? String(decoding: slice, as: UTF8.self) : String(validating: slice, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                index = start
                return escapedString()
            }
            if byte < 0x20 { return nil }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        return nil
    }

    /// The slow path of `string()`, from just after the opening quote.
    mutating func escapedString() -> String? {
        var out: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = take() else { return nil }
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    out.append(contentsOf: UTF8.encode(scalar)!)
                default: return nil
                }
            case 0..<0x20:
                return nil
            default:
                out.append(byte)
            }
        }
        return nil
    }

    /// The scalar of a `\uXXXX` escape (just after the `u`), or of a surrogate pair of two;
    /// nil for a lone surrogate (left to JSONDecoder).
    mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let first = hex4() else { return nil }
        switch first {
        case 0xD800...0xDBFF:
            guard take() == UInt8(ascii: "\\"), take() == UInt8(ascii: "u"), let second = hex4(),
                (0xDC00...0xDFFF).contains(second)
            else { return nil }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        case 0xDC00...0xDFFF:
            return nil
        default:
            return Unicode.Scalar(first)
        }
    }

    mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    func validUTF8(_ start: Int, _ length: Int) -> Bool {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<(start + length)])
        if slice.allSatisfy({ $0 < 0x80 }) { return true }
        return String(validating: slice, as: UTF8.self) != nil
    }

    // MARK: - Skipping values nobody reads (still checked to be valid JSON)

    mutating func skipValue() -> Bool {
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: "\""):
            return string() != nil
        case UInt8(ascii: "{"):
            return object { reader, _ in reader.skipValue() }
        case UInt8(ascii: "["):
            guard enter(UInt8(ascii: "[")) else { return false }
            defer { depth -= 1 }
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                index += 1
                return true
            }
            while true {
                guard skipValue() else { return false }
                skipWhitespace()
                guard let next = take() else { return false }
                if next == UInt8(ascii: "]") { return true }
                guard next == UInt8(ascii: ",") else { return false }
            }
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return number()
        }
    }

    /// A number as RFC 8259 spells it: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func number() -> Bool {
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), isDigit(first) else { return false }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let digit = peek(), isDigit(digit) else { return false }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek(), isDigit(digit) else { return false }
            skipDigits()
        }
        // A number must end where a value can end; "1x" or "01" is not JSON.
        guard let after = peek() else { return true }
        return after == UInt8(ascii: ",") || after == UInt8(ascii: "}") || after == UInt8(ascii: "]")
            || Self.isWhitespace(after)
    }

    mutating func skipDigits() {
        while let byte = peek(), isDigit(byte) { index += 1 }
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    // MARK: - Bytes

    mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
            memcmp(bytes.baseAddress! + index, word.utf8Start, count) == 0
        else { return false }
        index += count
        return true
    }

    /// Opens an array or object, counting the depth.
    mutating func enter(_ opening: UInt8) -> Bool {
        skipWhitespace()
        guard peek() == opening, depth < Self.maxDepth else { return false }
        index += 1
        depth += 1
        return true
    }

    func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func take() -> UInt8? {
        guard index < bytes.count else { return nil }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func skipWhitespace() {
        while index < bytes.count, Self.isWhitespace(bytes[index]) { index += 1 }
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
