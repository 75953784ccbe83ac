import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

@testable import EnvtopClient

/// The fast page decoder must agree with `JSONDecoder` on every body it accepts, and leave every
/// body `JSONDecoder` refuses to it (so errors keep their field paths).
@Suite("List pages decode without JSONDecoder, with the same result")
struct WorkPageFastDecoderTests {
    static let item = #"""
        {"type":"work","id":"work_1","environment_id":"env_1","state":"active","data":{"type":"session","id":"session_1"},
        "metadata":{"repo":"acme/web"},"created_at":"2026-01-01T00:00:00Z","acknowledged_at":null,"started_at":"2026-01-01T00:00:05.25Z",
        "latest_heartbeat_at":null,"stop_requested_at":null,"stopped_at":null,"secret":null}
        """#

    static func page(_ items: [String], next: String = "null") -> String {
        #"{"data":[\#(items.joined(separator: ","))],"next_page":\#(next)}"#
    }

    static func foundation(_ json: String) -> WorkPage? {
        try? JSONDecoder().decode(WorkPage.self, from: Data(json.utf8))
    }

    static func fast(_ json: String) -> WorkPage? {
        WorkPageFastDecoder.decode(Array(json.utf8))
    }

    /// Accepted by the fast decoder, and equal to what JSONDecoder makes of it.
    func expectSame(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let fast = Self.fast(json)
        #expect(fast != nil, "the fast decoder refused it", sourceLocation: sourceLocation)
        #expect(fast == Self.foundation(json), sourceLocation: sourceLocation)
    }

    /// Refused by the fast decoder (JSONDecoder then decides).
    func expectRefused(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Self.fast(json) == nil, sourceLocation: sourceLocation)
    }

    @Test("every item shape the API sends decodes the same")
    func sameValues() {
        expectSame(Self.page([Self.item]))
        expectSame(Self.page([], next: #""cursor_2""#))
        expectSame(#"{"data":[]}"#)
        expectSame(" \n{ \"next_page\" : null , \"data\" : [ \(Self.item) , \(Self.item) ] }\r\n\t")
        // Absent nullable fields, no type in data (a health check), an unknown state, a secret.
        expectSame(Self.page([
            #"{"id":"w","environment_id":"e","state":"paused","data":{"id":"hc_1"},"created_at":"2026-01-01T00:00:00+02:00","secret":"s3cr3t"}"#
        ]))
        expectSame(Self.page([#"{"id":"w","environment_id":"e","state":"queued","data":{"id":"x","type":null},"metadata":null,"created_at":"2026-01-01T00:00:00Z"}"#]))
        // Unknown fields of every JSON type, nested, are skipped.
        expectSame(Self.page([
            Self.item.replacingOccurrences(
                of: #""type":"work","#,
                with: #""type":"work","extra":{"a":[1,-2.5e3,0,true,false,null,"x",{"b":[]},[]],"c":{}},"n":-0.0E+2,"#)
        ]))
        // \u escapes as the simulator and Python's json send them: control characters, non-ASCII,
        // surrogate pairs, a key spelled with an escape.
        expectSame(Self.page([
            Self.item.replacingOccurrences(
                of: #""metadata":{"repo":"acme/web"}"#,
                with: #""metadata":{"title":"\u001b[31mred\u001b[0m alert\u0007","who":"Zo\u00EB \ud83d\ude80 \u65e5","nul":"a\u0000b"}"#)
                .replacingOccurrences(of: #""id":"work_1""#, with: #""i\u0064":"work_1""#)
        ]))
        // Escapes, non-ASCII text and keys; duplicate unknown keys.
        expectSame(Self.page([
            Self.item.replacingOccurrences(
                of: #""metadata":{"repo":"acme/web"}"#,
                with: #""metadata":{"note":"say \"hi\"\\ \/ \n\t\r\b\f","ñame":"Zoë 🚀 日本","":""},"x":1,"x":2"#)
        ]))
    }

    @Test("a page built by the encoder round-trips the same way")
    func encodedPages() throws {
        let t0 = Date(timeIntervalSince1970: 1_790_000_000.123)
        let items = (0..<30).map { n in
            WorkItem(
                id: "work_\(n)", environmentID: "env_1", state: WorkState.known[n % 5],
                data: WorkData(id: "session_\(n)", kind: n % 7 == 0 ? .healthcheck : .session),
                metadata: n % 3 == 0 ? [:] : ["repo": "acme/web-\(n)", "by": "zoë", "title": "\u{1B}[31mred\u{7} \"q\" 🚀\n"],
                createdAt: t0.addingTimeInterval(Double(-n * 60)),
                acknowledgedAt: n % 2 == 0 ? t0 : nil, startedAt: n % 4 == 0 ? t0 : nil,
                latestHeartbeatAt: n % 5 == 0 ? t0 : nil, stopRequestedAt: nil, stoppedAt: n % 6 == 0 ? t0 : nil)
        }
        let json = String(decoding: try JSONEncoder().encode(WorkPage(data: items, nextPage: "next")), as: UTF8.self)
        expectSame(json)
        #expect(Self.fast(json)?.data == items)
    }

    @Test("bodies JSONDecoder refuses, or decodes another way, are left to it")
    func refusals() {
        let good = Self.page([Self.item])
        let broken: [String] = [
            "", "null", "[]", good + "x", good + ",", "\u{FEFF}" + good, String(good.dropLast()),
            good.replacingOccurrences(of: #""id":"work_1""#, with: #""id":7"#),
            good.replacingOccurrences(of: #""id":"work_1""#, with: #""id":null"#),
            good.replacingOccurrences(of: #""id":"work_1","#, with: ""),
            good.replacingOccurrences(of: #""created_at":"2026-01-01T00:00:00Z""#, with: #""created_at":null"#),
            good.replacingOccurrences(of: #""started_at":"2026-01-01T00:00:05.25Z""#, with: #""started_at":"yesterday""#),
            good.replacingOccurrences(of: #""started_at":"2026-01-01T00:00:05.25Z""#, with: #""started_at":5"#),
            good.replacingOccurrences(of: #""secret":null"#, with: #""secret":{"token":"x"}"#),
            good.replacingOccurrences(of: #""repo":"acme/web""#, with: #""repo":1"#),
            good.replacingOccurrences(of: #""repo":"acme/web""#, with: #""repo":"a","repo":"b""#),
            good.replacingOccurrences(of: #""id":"work_1""#, with: #""id":"work_1","id":"work_2""#),
            good.replacingOccurrences(of: #""id":"work_1""#, with: #""id":"w\ud83drk_1""#),
            good.replacingOccurrences(of: #""id":"work_1""#, with: #""id":"w\ude80rk_1""#),
            good.replacingOccurrences(of: #""id":"work_1""#, with: #""id":"w\u00zzrk_1""#),
            good.replacingOccurrences(of: #""id":"work_1""#, with: #""id":"w\xrk_1""#),
            good.replacingOccurrences(of: #""id":"work_1""#, with: #""i\u0064":"work_1","id":"work_2""#),
            good.replacingOccurrences(of: #""id":"work_1""#, with: "\"id\":\"work\t1\""),
            good.replacingOccurrences(of: #""type":"work""#, with: #""type":01"#),
            good.replacingOccurrences(of: #""type":"work""#, with: #""type":1."#),
            good.replacingOccurrences(of: #""type":"work""#, with: #""type":tru"#),
            good.replacingOccurrences(of: #""type":"work""#, with: #""type":[1,]"#),
            good.replacingOccurrences(of: #""next_page":null"#, with: #""next_page":3"#),
            #"{"data":{}}"#, #"{"next_page":null}"#, #"{"data":[],}"#,
            #"{"data":[],"x":"# + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "}",
        ]
        for json in broken {
            expectRefused(json)
        }
        var invalidUTF8 = Array(good.utf8)
        invalidUTF8.insert(0xFF, at: invalidUTF8.firstIndex(of: UInt8(ascii: "w"))!)
        #expect(WorkPageFastDecoder.decode(invalidUTF8) == nil)
    }

    @Test("whatever the fast decoder accepts, JSONDecoder decodes to the same page")
    func neverDisagrees() {
        // Every prefix and every single-byte deletion of a page: mostly invalid JSON.
        let good = Self.page([Self.item, Self.item.replacingOccurrences(of: "work_1", with: "work_2")])
        let bytes = Array(good.utf8)
        var variants: [[UInt8]] = (0...bytes.count).map { Array(bytes[0..<$0]) }
        variants += bytes.indices.map { i in
            var copy = bytes
            copy.remove(at: i)
            return copy
        }
        for variant in variants {
            guard let fast = WorkPageFastDecoder.decode(variant) else { continue }
            let reference = try? JSONDecoder().decode(WorkPage.self, from: Data(variant))
            #expect(fast == reference, "\(String(decoding: variant, as: UTF8.self))")
        }
    }

    @Test("the seeded simulator's pages (escape sequences, CJK, emoji) take the fast path")
    func simulatorPages() async throws {
        var configuration = SimulatorConfiguration()
        configuration.seed = 7
        configuration.workersPerEnvironment = 0
        configuration.arrivalRatePerSecond = 0
        configuration.apiKeys = [TestKeys.api]
        configuration.environmentKeys = [TestKeys.environment]
        let server = try await SimulatorServer.start(configuration)
        let client = makeClient(testConfiguration(server.baseURL))
        do {
            let request = APIRequest.listWork(environmentID: server.environmentIDs[0], limit: 200, page: nil)
            let body = try await client.perform(request).body
            let fast = try #require(WorkPageFastDecoder.decode(body))
            #expect(fast.data.count == 40)
            #expect(fast == (try JSONDecoder().decode(WorkPage.self, from: Data(body))))
        } catch {
            Issue.record("\(error)")
        }
        await client.shutdown()
        await server.shutdown()
    }

    @Test("the client decodes pages through the fast path; a broken item is left out by name, a broken page keeps JSONDecoder's error")
    func throughResponseDecoding() throws {
        let page = try ResponseDecoding.decodePage(from: Array(Self.page([Self.item]).utf8), endpoint: "work.list")
        #expect(page.data.first?.metadata == ["repo": "acme/web"])
        let broken = Self.page([Self.item, Self.item.replacingOccurrences(of: #""created_at":"2026-01-01T00:00:00Z","#, with: "")])
        let partial = try ResponseDecoding.decodePage(from: Array(broken.utf8), endpoint: "work.list")
        #expect(partial.data.count == 1)
        #expect(partial.unreadable == ["data[1] (work_1): no created_at"])
        #expect(throws: APIError.decoding(endpoint: "work.list", field: "data", message: "is missing")) {
            _ = try ResponseDecoding.decodePage(from: Array(#"{"next_page":null}"#.utf8), endpoint: "work.list")
        }
    }
}
