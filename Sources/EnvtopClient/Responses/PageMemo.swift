import EnvtopModels
import Synchronization

/// The last page decoded for each list request, by a digest of its body: a refresh that
/// re-reads an unchanged page (most of them, on an idle queue) skips decoding it, and hands
/// back the same strings the dashboard already holds.
///
/// The digest is a 64-bit SipHash with this process's random seed, with the body's length:
/// two different bodies pass as one with odds of 2^-64, far below a lying API.
final class PageMemo: Sendable {
    private struct Entry {
        var length: Int
        var digest: Int
        var page: WorkPage
    }

    private let entries = Mutex<[String: Entry]>([:])
    /// Requests remembered at most (a few pages per environment are re-read each cycle).
    static let capacity = 64

    func page(for key: String, body: [UInt8], decode: ([UInt8]) throws(APIError) -> WorkPage) throws(APIError) -> WorkPage {
        let digest = Self.digest(body)
        if let hit = entries.withLock({ $0[key] }), hit.length == body.count, hit.digest == digest { return hit.page }
        let page = try decode(body)
        entries.withLock { entries in
            if entries.count >= Self.capacity, entries[key] == nil { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(length: body.count, digest: digest, page: page)
        }
        return page
    }

    static func digest(_ body: [UInt8]) -> Int {
        var hasher = Hasher()
        body.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }
}
