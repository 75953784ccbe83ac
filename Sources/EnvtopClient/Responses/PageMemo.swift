import EnvtopModels
import Synchronization

/// The last page decoded for each list request, by a digest of its body: a refresh that
/// re-reads an unchanged page (most of them, on an idle queue) skips decoding it, and hands
/// back the same strings the dashboard already holds.
///
/// The digest (`PageDigest`) is a 64-bit SipHash with this process's random seed, with the
/// body's length: two different bodies pass as one with odds of 2^-64, far below a lying API.
/// When the caller names the digest it already merged (`known`), an equal body is not decoded
/// at all: most pages of an idle queue, the sweep's included, which no memo of this size holds.
final class PageMemo: Sendable {
    private struct Entry {
        var digest: PageDigest
        var page: WorkPage
        /// When it was last asked for (a counter), for evicting the least recently used.
        var used: Int
    }

    private struct Table {
        var entries: [String: Entry] = [:]
        var clock = 0
    }

    private let table = Mutex(Table())
    /// Requests remembered at most. A refresh re-reads about three pages per environment (the
    /// first, the one on screen, the last) and one page of the sweep: the least recently used
    /// goes first, so the sweep's pages, read once a sweep, make room and those re-read every
    /// cycle stay, even with 20 environments (a table emptied when full decoded them all).
    static let capacity = 128

    func page(
        for key: String, body: [UInt8], known: PageDigest? = nil, decode: ([UInt8]) throws(APIError) -> WorkPage
    ) throws(APIError) -> WorkPage {
        let digest = PageDigest(of: body)
        if digest == known { return .unchanged(digest) }
        let hit = table.withLock { table -> WorkPage? in
            table.clock += 1
            guard let entry = table.entries[key], entry.digest == digest else { return nil }
            table.entries[key]?.used = table.clock
            return entry.page
        }
        if let hit { return hit }
        var page = try decode(body)
        page.digest = digest
        table.withLock { table in
            if table.entries.count >= Self.capacity, table.entries[key] == nil,
               let oldest = table.entries.min(by: { $0.value.used < $1.value.used })?.key
            {
                table.entries[oldest] = nil
            }
            table.entries[key] = Entry(digest: digest, page: page, used: table.clock)
        }
        return page
    }
}
