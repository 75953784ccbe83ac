import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A page of the work list as JSON, written directly: the same document `JSONEncoder` with
/// `.sortedKeys` writes (keys in order, every nullable field present, `null` when unset), at a
/// fraction of the cost. The encoder took 85% of the simulator's time serving a list page, so a
/// walk over 100,000 items measured the simulator more than the client (BENCHMARKS.md).
enum WorkPageJSON {
    /// The page's bytes, or nil when an item carries a secret (only a poll answer does; the
    /// caller then uses the encoder).
    static func encode(_ page: WorkPage) -> Data? {
        guard page.data.allSatisfy({ $0.secret == nil }) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(page.data.count * 600 + 64)
        out += #"{"data":["#.utf8
        for (n, item) in page.data.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            write(item, into: &out)
        }
        out += #"],"next_page":"#.utf8
        if let next = page.nextPage { string(next, into: &out) } else { out += "null".utf8 }
        out.append(UInt8(ascii: "}"))
        return Data(out)
    }

    /// One item, keys sorted as `.sortedKeys` sorts them.
    static func write(_ item: WorkItem, into out: inout [UInt8]) {
        out += #"{"acknowledged_at":"#.utf8
        timestamp(item.acknowledgedAt, into: &out)
        out += #","created_at":"#.utf8
        timestamp(item.createdAt, into: &out)
        out += #","data":{"id":"#.utf8
        string(item.data.id, into: &out)
        out += #","type":"#.utf8
        string(item.data.kind.rawValue, into: &out)
        out += #"},"environment_id":"#.utf8
        string(item.environmentID, into: &out)
        out += #","id":"#.utf8
        string(item.id, into: &out)
        out += #","latest_heartbeat_at":"#.utf8
        timestamp(item.latestHeartbeatAt, into: &out)
        out += #","metadata":{"#.utf8
        for (n, key) in item.metadata.keys.sorted().enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            string(key, into: &out)
            out.append(UInt8(ascii: ":"))
            string(item.metadata[key] ?? "", into: &out)
        }
        out += #"},"secret":null,"started_at":"#.utf8
        timestamp(item.startedAt, into: &out)
        out += #","state":"#.utf8
        string(item.state.rawValue, into: &out)
        out += #","stop_requested_at":"#.utf8
        timestamp(item.stopRequestedAt, into: &out)
        out += #","stopped_at":"#.utf8
        timestamp(item.stoppedAt, into: &out)
        out += #","type":"work"}"#.utf8
    }

    static func timestamp(_ date: Date?, into out: inout [UInt8]) {
        if let date { string(RFC3339.format(date), into: &out) } else { out += "null".utf8 }
    }

    /// A JSON string: quote and backslash escaped, control characters as `\u00XX`, the rest
    /// (slashes and non-ASCII included) as UTF-8, as the encoder writes them.
    static func string(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += #"\""#.utf8
            case UInt8(ascii: "\\"): out += #"\\"#.utf8
            case 0x0A: out += #"\n"#.utf8
            case 0x0D: out += #"\r"#.utf8
            case 0x09: out += #"\t"#.utf8
            case 0x08: out += #"\b"#.utf8
            case 0x0C: out += #"\f"#.utf8
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += #"\u00"#.utf8
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
