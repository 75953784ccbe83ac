/// Percent-encoding for path segments and query components, as the SDKs' `path` helpers do.
enum URLEncoding {
    /// RFC 3986 unreserved characters: the only ones left as they are.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// Encodes everything but unreserved characters, so an id can never add a path segment or a
    /// query parameter. `.` and `..` are encoded too, so they cannot climb the path.
    static func component(_ text: String) -> String {
        if text == "." { return "%2E" }
        if text == ".." { return "%2E%2E" }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// `name=value&...`, both sides encoded, in the order given.
    static func query(_ items: [(name: String, value: String)]) -> String {
        items.map { component($0.name) + "=" + component($0.value) }.joined(separator: "&")
    }
}
