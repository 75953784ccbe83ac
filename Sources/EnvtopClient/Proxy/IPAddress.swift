#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Numeric IP parsing for `NO_PROXY` matching, with the C library's `inet_pton` as curl uses.
enum IPAddress {
    static func v4(_ text: String) -> [UInt8]? { parse(text, family: AF_INET, size: 4) }

    static func v6(_ text: String) -> [UInt8]? { parse(text, family: AF_INET6, size: 16) }

    /// Whether the first `bits` bits of two addresses agree (`bits` beyond the length never match).
    static func prefixMatches(_ a: [UInt8], _ b: [UInt8], bits: Int) -> Bool {
        guard a.count == b.count, bits >= 0, bits <= a.count * 8 else { return false }
        let whole = bits / 8
        let rest = bits % 8
        if a[0..<whole] != b[0..<whole] { return false }
        if rest == 0 { return true }
        let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - rest))
        return (a[whole] ^ b[whole]) & mask == 0
    }

    private static func parse(_ text: String, family: Int32, size: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: size)
        let ok = bytes.withUnsafeMutableBytes { buffer in
            inet_pton(family, text, buffer.baseAddress)
        }
        return ok == 1 ? bytes : nil
    }
}
