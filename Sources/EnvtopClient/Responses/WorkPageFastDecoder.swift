import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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

        // MARK: - Keys

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
    }
}
