import EnvtopModels
import Testing

@testable import EnvtopClient

/// A body with the digest the caller already merged is not decoded; any other body always is.
@Suite("Known pages")
struct KnownPageTests {
    static let body = Array(#"{"data":[],"next_page":"b"}"#.utf8)

    /// Decodes a page as the client does, and counts how often it was asked to.
    final class CountingDecoder {
        var decodes = 0
        func decode(_ body: [UInt8]) throws(APIError) -> WorkPage {
            decodes += 1
            return try ResponseDecoding.decodePage(from: body, endpoint: "work.list")
        }
    }

    @Test("bytes with the digest the caller named come back unchanged, undecoded; other bytes are decoded")
    func knownDigestSkipsDecoding() throws {
        let counter = CountingDecoder()
        let first = try KnownPage.page(body: Self.body, known: nil, decode: counter.decode)
        let digest = try #require(first.digest)
        #expect(digest == PageDigest(of: Self.body))
        #expect(first.nextPage == "b" && !first.isUnchanged)
        let again = try KnownPage.page(body: Self.body, known: digest, decode: counter.decode)
        #expect(again.isUnchanged)
        #expect(again.digest == digest)
        #expect(again.data.isEmpty && again.nextPage == nil)
        #expect(counter.decodes == 1)
        let changed = Array(#"{"data":[],"next_page":"z"}"#.utf8)
        let full = try KnownPage.page(body: changed, known: digest, decode: counter.decode)
        #expect(!full.isUnchanged)
        #expect(full.nextPage == "z")
        #expect(full.digest == PageDigest(of: changed))
        #expect(counter.decodes == 2)
    }

    @Test("bodies of one length that differ in one byte have different digests")
    func oneByteDiffers() {
        var other = Self.body
        other[other.count - 3] = UInt8(ascii: "c")
        #expect(other.count == Self.body.count)
        #expect(PageDigest(of: other) != PageDigest(of: Self.body))
        #expect(PageDigest(of: Self.body) == PageDigest(of: Array(Self.body)))
    }

    @Test("a body that fails to decode fails every time, digest named or not")
    func brokenBodyFails() {
        let broken = Array(#"{"data":[{"id":1}"#.utf8)
        for known in [nil, PageDigest(length: 1, hash: 1)] {
            #expect(throws: APIError.self) {
                _ = try KnownPage.page(body: broken, known: known) { body throws(APIError) in
                    try ResponseDecoding.decodePage(from: body, endpoint: "work.list")
                }
            }
        }
    }
}
