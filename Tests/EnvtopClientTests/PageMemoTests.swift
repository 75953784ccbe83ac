import EnvtopModels
import Testing

@testable import EnvtopClient

/// An unchanged page is not decoded again; a changed one always is.
@Suite("Page memo")
struct PageMemoTests {
    static let body = Array(#"{"data":[],"next_page":"b"}"#.utf8)

    /// Decodes a page as the client does, and counts how often it was asked to.
    final class CountingDecoder {
        var decodes = 0
        func decode(_ body: [UInt8]) throws(APIError) -> WorkPage {
            decodes += 1
            return try ResponseDecoding.decodePage(from: body, endpoint: "work.list")
        }
    }

    @Test("the same bytes for the same request decode once; other bytes or another request decode again")
    func decodesOnlyWhatChanged() throws {
        let memo = PageMemo()
        let counter = CountingDecoder()
        let first = try memo.page(for: "/a", body: Self.body, decode: counter.decode)
        let again = try memo.page(for: "/a", body: Self.body, decode: counter.decode)
        #expect(counter.decodes == 1)
        #expect(first == again)
        let changed = Array(#"{"data":[],"next_page":"c"}"#.utf8)
        #expect(try memo.page(for: "/a", body: changed, decode: counter.decode).nextPage == "c")
        #expect(counter.decodes == 2)
        _ = try memo.page(for: "/b", body: changed, decode: counter.decode)
        #expect(counter.decodes == 3)
    }

    @Test("when full, the page asked for least recently goes: pages re-read every cycle stay decoded")
    func evictsLeastRecentlyUsed() throws {
        let memo = PageMemo()
        let counter = CountingDecoder()
        // A hot page read between every sweep page, far more sweep pages than the memo holds.
        for sweep in 0..<(PageMemo.capacity * 3) {
            _ = try memo.page(for: "/hot", body: Self.body, decode: counter.decode)
            _ = try memo.page(for: "/sweep/\(sweep)", body: Self.body, decode: counter.decode)
        }
        #expect(counter.decodes == 1 + PageMemo.capacity * 3)  // the hot page once, each sweep page once
        // The most recent sweep pages are still there; the first ones were evicted.
        let before = counter.decodes
        _ = try memo.page(for: "/sweep/\(PageMemo.capacity * 3 - 1)", body: Self.body, decode: counter.decode)
        #expect(counter.decodes == before)
        _ = try memo.page(for: "/sweep/0", body: Self.body, decode: counter.decode)
        #expect(counter.decodes == before + 1)
    }

    @Test("a body that fails to decode is not remembered: the error comes back every time")
    func errorsAreNotMemoized() {
        let memo = PageMemo()
        let broken = Array(#"{"data":[{"id":1}"#.utf8)
        for _ in 0..<2 {
            #expect(throws: APIError.self) {
                _ = try memo.page(for: "/a", body: broken) { body throws(APIError) in
                    try ResponseDecoding.decodePage(from: body, endpoint: "work.list")
                }
            }
        }
    }
}

@Suite("Page memo: known digests")
struct PageMemoKnownDigestTests {
    @Test("bytes with the digest the caller named come back unchanged, undecoded; other bytes are decoded")
    func knownDigestSkipsDecoding() throws {
        let memo = PageMemo()
        let counter = PageMemoTests.CountingDecoder()
        let first = try memo.page(for: "/sweep/1", body: PageMemoTests.body, decode: counter.decode)
        let digest = try #require(first.digest)
        #expect(digest == PageDigest(of: PageMemoTests.body))
        // Another request with those bytes (a memo miss) still is not decoded.
        let again = try memo.page(for: "/sweep/2", body: PageMemoTests.body, known: digest, decode: counter.decode)
        #expect(again.isUnchanged)
        #expect(again.data.isEmpty && again.nextPage == nil)
        #expect(counter.decodes == 1)
        let changed = Array(#"{"data":[],"next_page":"z"}"#.utf8)
        let full = try memo.page(for: "/sweep/1", body: changed, known: digest, decode: counter.decode)
        #expect(!full.isUnchanged)
        #expect(full.nextPage == "z")
        #expect(counter.decodes == 2)
    }
}
