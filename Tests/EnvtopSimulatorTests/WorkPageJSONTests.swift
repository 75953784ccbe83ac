import EnvtopModels
import Foundation
import Testing

@testable import EnvtopSimulator

/// The simulator writes list pages itself, for speed; they must be the encoder's document.
@Suite("List pages written directly")
struct WorkPageJSONTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000.25)

    static func item(_ n: Int, metadata: [String: String]? = nil) -> WorkItem {
        let metadata = metadata ?? ["repo": "acme/web", "ticket": "ENG-\(n)"]
        var item = WorkItem(
            id: "work_\(n)", environmentID: "env_1", state: n % 2 == 0 ? .active : .queued,
            data: WorkData(id: "session_\(n)", kind: n % 3 == 0 ? .healthcheck : .session), metadata: metadata,
            createdAt: now.addingTimeInterval(-Double(n)))
        if n % 2 == 0 {
            item.acknowledgedAt = now
            item.startedAt = now.addingTimeInterval(0.5)
            item.latestHeartbeatAt = now.addingTimeInterval(1.125)
        }
        return item
    }

    static func encoded(_ page: WorkPage) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(page)
    }

    @Test("byte for byte the sorted-keys encoder's page, with and without a next page")
    func sameBytes() throws {
        for next in ["cursor/2", nil] {
            let page = WorkPage(data: (1...6).map { Self.item($0) } + [Self.item(7, metadata: [:])], nextPage: next)
            let written = try #require(WorkPageJSON.encode(page))
            #expect(String(decoding: written, as: UTF8.self) == String(decoding: try Self.encoded(page), as: UTF8.self))
        }
    }

    @Test("quotes, backslashes, control characters and non-ASCII decode back to the same page")
    func hostileText() throws {
        let page = WorkPage(
            data: [Self.item(1, metadata: ["note": "a \"quoted\" \\ path/\n\t\u{1B}[31m red \u{7F} é 日本 🙂", "k\u{0}": "v"])],
            nextPage: "c\"1")
        let written = try #require(WorkPageJSON.encode(page))
        #expect(try JSONDecoder().decode(WorkPage.self, from: written) == page)
        #expect(try JSONDecoder().decode(WorkPage.self, from: written) == JSONDecoder().decode(WorkPage.self, from: Self.encoded(page)))
    }

    @Test("an item with a secret is left to the encoder")
    func secretFallsBack() {
        var item = Self.item(2)
        item.secret = WorkSecret("c2VjcmV0")
        #expect(WorkPageJSON.encode(WorkPage(data: [item], nextPage: nil)) == nil)
    }
}
