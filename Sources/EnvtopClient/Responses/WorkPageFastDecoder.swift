import EnvtopModels
import Foundation

/// Decodes a `GET /work` page straight from its bytes, without `JSONDecoder`.
///
/// The dashboard re-reads at least one page every refresh, and `JSONDecoder` spent about 40 us
/// an item on it (keyed containers hash every key, the metadata dictionary goes through the
/// generic `Dictionary: Decodable`), the largest cost of an idle dashboard. This reads the same
/// fields with the same rules as `WorkPage.init(from:)` and `WorkItem.init(from:)`, but only for
/// bodies it is sure about: valid JSON with the expected types, no duplicate keys it reads, no
/// lone surrogates. For anything else it returns nil and the caller uses `JSONDecoder`, so a
/// body decodes to the same value or the same error either way.
enum WorkPageFastDecoder {
    static func decode(_ body: [UInt8]) -> WorkPage? {
        body.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            guard let page = reader.page() else { return nil }
            reader.skipWhitespace()
            return reader.index == buffer.count ? page : nil
        }
    }

    /// A cursor over the body. Every method returns nil (or false) at the first thing it does not
    /// accept; the whole decode then gives up.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        /// Arrays and objects open around the reader; `JSONDecoder` refuses deeper than 512.
        var depth = 0
        static let maxDepth = 256

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        // MARK: - The page and its items

        mutating func page() -> WorkPage? {
            var data: [WorkItem]?
            var nextPage: String??
            let ok = object { reader, key in
                switch key {
                case .data:
                    guard data == nil else { return false }
                    data = reader.items()
                    return data != nil
                case .nextPage:
                    guard nextPage == nil else { return false }
                    guard let value = reader.optionalString() else { return false }
                    nextPage = .some(value)
                    return true
                default:
                    return reader.skipValue()
                }
            }
            guard ok, let data else { return nil }
            return WorkPage(data: data, nextPage: nextPage ?? nil)
        }

        mutating func items() -> [WorkItem]? {
            guard enter(UInt8(ascii: "[")) else { return nil }
            defer { depth -= 1 }
            var items: [WorkItem] = []
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                index += 1
                return items
            }
            while true {
                guard let item = item() else { return nil }
                items.append(item)
                skipWhitespace()
                guard let next = take() else { return nil }
                if next == UInt8(ascii: "]") { return items }
                guard next == UInt8(ascii: ",") else { return nil }
            }
        }

        mutating func item() -> WorkItem? {
            var id: String?
            var environmentID: String?
            var state: String?
            var data: WorkData?
            var metadata: [String: String]??
            var stamps: [Date??] = Array(repeating: nil, count: 6)
            var secret: String??
            let ok = object { reader, key in
                switch key {
                case .id: return reader.once(&id) { $0.string() }
                case .environmentID: return reader.once(&environmentID) { $0.string() }
                case .state: return reader.once(&state) { $0.string() }
                case .data: return reader.once(&data) { $0.workData() }
                case .metadata: return reader.once(&metadata) { $0.optionalMetadata() }
                case .secret: return reader.once(&secret) { $0.optionalString() }
                case .createdAt, .acknowledgedAt, .startedAt, .latestHeartbeatAt, .stopRequestedAt, .stoppedAt:
                    let slot = key.timestampSlot
                    guard stamps[slot] == nil, let value = reader.optionalTimestamp() else { return false }
                    stamps[slot] = .some(value)
                    return true
                default:
                    return reader.skipValue()
                }
            }
            guard ok, let id, let environmentID, let state, let data, let createdAt = stamps[0] ?? nil else {
                return nil
            }
            return WorkItem(
                id: id, environmentID: environmentID, state: WorkState(rawValue: state), data: data,
                metadata: (metadata ?? nil) ?? [:], createdAt: createdAt,
                acknowledgedAt: stamps[1] ?? nil, startedAt: stamps[2] ?? nil, latestHeartbeatAt: stamps[3] ?? nil,
                stopRequestedAt: stamps[4] ?? nil, stoppedAt: stamps[5] ?? nil,
                secret: (secret ?? nil).map(WorkSecret.init))
        }

        mutating func workData() -> WorkData? {
            var id: String?
            var kind: String??
            let ok = object { reader, key in
                switch key {
                case .id: return reader.once(&id) { $0.string() }
                case .type: return reader.once(&kind) { $0.optionalString() }
                default: return reader.skipValue()
                }
            }
            guard ok, let id else { return nil }
            return WorkData(id: id, kind: (kind ?? nil).map(WorkData.Kind.init(rawValue:)) ?? .healthcheck)
        }

        /// `null` as `.some(nil)`; an object of strings as its dictionary.
        mutating func optionalMetadata() -> [String: String]?? {
            if literal("null") { return .some(nil) }
            guard enter(UInt8(ascii: "{")) else { return nil }
            defer { depth -= 1 }
            var result: [String: String] = [:]
            skipWhitespace()
            if peek() == UInt8(ascii: "}") {
                index += 1
                return .some(result)
            }
            while true {
                skipWhitespace()
                guard let key = string() else { return nil }
                guard colon(), let value = string() else { return nil }
                guard result.updateValue(value, forKey: key) == nil else { return nil }
                skipWhitespace()
                guard let next = take() else { return nil }
                if next == UInt8(ascii: "}") { return .some(result) }
                guard next == UInt8(ascii: ",") else { return nil }
            }
        }

        /// `null` as `.some(nil)`; a string as an RFC 3339 date.
        mutating func optionalTimestamp() -> Date?? {
            guard let text = optionalString() else { return nil }
            guard let text else { return .some(nil) }
            guard let date = RFC3339.parse(text) else { return nil }
            return .some(date)
        }

        /// Reads a value into `slot` unless the key came before.
        mutating func once<T>(_ slot: inout T?, _ read: (inout Reader) -> T?) -> Bool {
            guard slot == nil, let value = read(&self) else { return false }
            slot = value
            return true
        }

        // MARK: - Objects and keys

        /// The keys the page and its items read; everything else is skipped.
        enum Key {
            case data, nextPage, id, environmentID, state, metadata, secret, type
            case createdAt, acknowledgedAt, startedAt, latestHeartbeatAt, stopRequestedAt, stoppedAt
            case other

            var timestampSlot: Int {
                switch self {
                case .createdAt: 0
                case .acknowledgedAt: 1
                case .startedAt: 2
                case .latestHeartbeatAt: 3
                case .stopRequestedAt: 4
                default: 5
                }
            }

            static let table: [(name: [UInt8], key: Key)] = {
                let names: [(String, Key)] = [
                    ("data", .data), ("next_page", .nextPage), ("id", .id), ("environment_id", .environmentID),
                    ("state", .state), ("metadata", .metadata), ("secret", .secret), ("type", .type),
                    ("created_at", .createdAt), ("acknowledged_at", .acknowledgedAt), ("started_at", .startedAt),
                    ("latest_heartbeat_at", .latestHeartbeatAt), ("stop_requested_at", .stopRequestedAt),
                    ("stopped_at", .stoppedAt),
                ]
                return names.map { (name: Array($0.0.utf8), key: $0.1) }
            }()
        }

        /// Walks an object, handing each key to `member` with the reader at its value.
        mutating func object(_ member: (inout Reader, Key) -> Bool) -> Bool {
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
}
