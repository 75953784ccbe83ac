import Testing

@testable import EnvtopSimulator

@Suite("Seeded randomness")
struct SplitMix64Tests {
    @Test("the same seed replays the same numbers, another seed does not")
    func sameSeedSameStream() {
        var a = SplitMix64(seed: 42)
        var b = SplitMix64(seed: 42)
        var c = SplitMix64(seed: 43)
        let first = (0..<8).map { _ in a.next() }
        #expect(first == (0..<8).map { _ in b.next() })
        #expect(first != (0..<8).map { _ in c.next() })
    }

    @Test("identifiers have the API's prefixes and 24 base62 characters")
    func identifierShapes() {
        var ids = IdentifierFactory(random: SplitMix64(seed: 7))
        let work = ids.workID()
        #expect(work.hasPrefix("work_"))
        #expect(work.dropFirst(5).count == 24)
        #expect(work.dropFirst(5).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
        #expect(ids.sessionID().hasPrefix("session_"))
        #expect(ids.environmentID().hasPrefix("env_"))
        #expect(ids.requestID().hasPrefix("req_"))
        #expect(IdentifierFactory.sessionsToken().hasPrefix("sk-ant-req-"))
    }
}
