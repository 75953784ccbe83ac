import EnvtopModels
import Testing

@testable import EnvtopClient

/// An unchanged page is not decoded again; a changed one always is.
@Suite("Page memo")
struct PageMemoTests {
    static let body = Array(#"{"data":[],"next_page":"b"}"#.utf8)

    @Test("the same bytes for the same request decode once; other bytes or another request decode again")
    func decodesOnlyWhatChanged() throws {
        let memo = PageMemo()
        var decodes = 0
        func decode(_ body: [UInt8]) throws(APIError) -> WorkPage {
            decodes += 1
            return try ResponseDecoding.decodePage(from: body, endpoint: "work.list")
        }
        let first = try memo.page(for: "/a", body: Self.body, decode: decode)
        let again = try memo.page(for: "/a", body: Self.body, decode: decode)
        #expect(decodes == 1)
        #expect(first == again)
        let changed = Array(#"{"data":[],"next_page":"c"}"#.utf8)
        #expect(try memo.page(for: "/a", body: changed, decode: decode).nextPage == "c")
        #expect(decodes == 2)
        _ = try memo.page(for: "/b", body: changed, decode: decode)
        #expect(decodes == 3)
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
