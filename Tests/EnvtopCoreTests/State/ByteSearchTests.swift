import Testing

@testable import EnvtopCore

/// The search line's byte search (memchr and memcmp) against the obvious one.
@Suite("Byte search")
struct ByteSearchTests {
    @Test("the store's byte search finds exactly what a naive search finds")
    func byteSearchAgrees() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let hay = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 97...100, using: &generator) }
            let needle = (0..<Int.random(in: 0...4, using: &generator)).map { _ in UInt8.random(in: 97...100, using: &generator) }
            let naive = needle.isEmpty || (needle.count <= hay.count
                && (0...(hay.count - needle.count)).contains { Array(hay[$0..<($0 + needle.count)]) == needle })
            #expect(WorkStore.contains(hay, needle) == naive, "\(hay) \(needle)")
        }
    }
}
