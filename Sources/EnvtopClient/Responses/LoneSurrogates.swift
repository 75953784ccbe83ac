/// A lone UTF-16 surrogate escape (`"\udc80"`) in one string makes a whole JSON body unreadable
/// to `JSONDecoder`, so one odd metadata value would hide a whole page. This replaces each lone
/// surrogate escape with `\ufffd` (the replacement character) and leaves pairs, other escapes
/// and an escaped backslash (`\\udc80`, which is text) as they are.
enum LoneSurrogates {
    static func repair(_ body: [UInt8]) -> [UInt8] {
        guard body.count >= 6 else { return body }
        var out = body
        var i = 0
        var pendingHigh: Int?  // where an unpaired high surrogate escape starts
        while i < body.count {
            guard body[i] == UInt8(ascii: "\\") else {
                if let high = pendingHigh { replace(&out, at: high) }
                pendingHigh = nil
                i += 1
                continue
            }
            // An escape: `\u` with four hex digits is a code unit; any other escape is two bytes.
            guard i + 1 < body.count, body[i + 1] == UInt8(ascii: "u"), i + 5 < body.count,
                let unit = hex(body[(i + 2)...(i + 5)])
            else {
                if let high = pendingHigh { replace(&out, at: high) }
                pendingHigh = nil
                i += 2
                continue
            }
            switch unit {
            case 0xD800...0xDBFF:
                if let high = pendingHigh { replace(&out, at: high) }
                pendingHigh = i
            case 0xDC00...0xDFFF:
                if pendingHigh == nil { replace(&out, at: i) }
                pendingHigh = nil
            default:
                if let high = pendingHigh { replace(&out, at: high) }
                pendingHigh = nil
            }
            i += 6
        }
        if let high = pendingHigh { replace(&out, at: high) }
        return out
    }

    static func replace(_ bytes: inout [UInt8], at start: Int) {
        for (offset, byte) in Array("\\ufffd".utf8).enumerated() { bytes[start + offset] = byte }
    }

    static func hex(_ digits: ArraySlice<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        for d in digits {
            let v: UInt32
            switch d {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = UInt32(d - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = UInt32(d - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = UInt32(d - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value * 16 + v
        }
        return value
    }
}
