import EnvtopModels
import Foundation
import Testing

@testable import EnvtopClient

/// One malformed item, or one lone surrogate in one string, must not hide the good items of a
/// page: the bad items are left out and named, the rest decode as before.
@Suite("A page with bad items or lone surrogates")
struct LenientPageTests {
    static func item(_ n: Int, _ edit: (String) -> String = { $0 }) -> String {
        edit(#"{"type":"work","id":"work_\#(n)","environment_id":"env_1","state":"active","data":{"type":"session","id":"session_\#(n)"},"metadata":{"k":"v"},"created_at":"2026-01-01T00:00:00Z","acknowledged_at":null,"started_at":null,"latest_heartbeat_at":null,"stop_requested_at":null,"stopped_at":null,"secret":null}"#)
    }

    static func decode(_ items: [String]) throws -> WorkPage {
        let body = #"{"data":[\#(items.joined(separator: ","))],"next_page":null}"#
        return try ResponseDecoding.decodePage(from: Array(body.utf8), endpoint: "work.list")
    }

    @Test("five good items survive six kinds of bad ones, each named with its index and id")
    func badItemsLeftOut() throws {
        let bad = [
            Self.item(10) { $0.replacingOccurrences(of: #""state":"active""#, with: #""state":7"#) },
            Self.item(11) { $0.replacingOccurrences(of: #""state":"active""#, with: #""state":null"#) },
            Self.item(12) { $0.replacingOccurrences(of: #""id":"work_12","#, with: "") },
            Self.item(13) { $0.replacingOccurrences(of: #""data":{"type":"session","id":"session_13"},"#, with: "") },
            Self.item(14) { $0.replacingOccurrences(of: #""created_at":"2026-01-01T00:00:00Z""#, with: #""created_at":0"#) },
            Self.item(15) { $0.replacingOccurrences(of: #""created_at":"2026-01-01T00:00:00Z""#, with: #""created_at":"yesterday""#) },
        ]
        let good = (1...5).map { Self.item($0) }
        let page = try Self.decode([good[0], bad[0], good[1], bad[1], bad[2], good[2], bad[3], good[3], bad[4], bad[5], good[4]])
        #expect(page.data.map(\.id) == ["work_1", "work_2", "work_3", "work_4", "work_5"])
        #expect(page.unreadable.count == 6)
        #expect(page.unreadable[0].hasPrefix("data[1] (work_10): state"))
        #expect(page.unreadable[2].hasPrefix("data[4]: no id"))
        #expect(page.unreadable[3].hasPrefix("data[6] (work_13): no data"))
        #expect(page.unreadable[5].hasPrefix("data[9] (work_15): created_at"))
    }

    @Test("a lone surrogate becomes U+FFFD; a pair and an escaped backslash stay as they are")
    func surrogates() throws {
        let lone = Self.item(1) { $0.replacingOccurrences(of: #""k":"v""#, with: #""k":"a\udc80b","h":"\ud800","pair":"\ud83d\ude00","text":"\\udc80""#) }
        let page = try Self.decode([lone, Self.item(2)])
        #expect(page.data.count == 2)
        let metadata = try #require(page.data.first?.metadata)
        #expect(metadata["k"] == "a\u{FFFD}b")
        #expect(metadata["h"] == "\u{FFFD}")
        #expect(metadata["pair"] == "😀")
        #expect(metadata["text"] == "\\udc80")
        #expect(LoneSurrogates.repair(Array(#""\\udc80""#.utf8)) == Array(#""\\udc80""#.utf8))
    }
}
