import EnvtopCore
import EnvtopModels
import EnvtopUI
import Foundation
import Testing

/// What scripts read: JSON and JSON lines round-trip to the API's item shape plus envtop's
/// fields (never the secret), CSV parses back per RFC 4180, and hostile metadata stays data.
@Suite("Script output: json, jsonl, csv, text")
struct ScriptOutputTests {
    typealias F = StateFixtures

    static let hostile = "\u{1b}[31mred\u{1b}[0m, \"quoted\"\nsecond line\u{07}"

    static func loaded() -> AppState {
        var stale = F.item(1, state: .active, heartbeatSecondsAgo: 400, metadata: ["note": hostile, "team": "infra"])
        stale.secret = WorkSecret("c2VjcmV0")
        return F.loaded([stale, F.item(2, state: .queued, createdSecondsAgo: 30), F.item(3, state: .stopping)])
    }

    /// A small RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF records.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\r\n" || c == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(c)
            }
        }
        return rows
    }

    @Test("json: the API's item fields and envtop's derived ones; no secret; decodes back as work items")
    func jsonRoundTrip() throws {
        let state = Self.loaded()
        let text = ScriptOutput.items(state, as: .json)
        #expect(!text.contains("c2VjcmV0"))
        let items = try JSONDecoder().decode([WorkItem].self, from: Data(text.utf8))
        #expect(Set(items.map(\.id)) == Set([F.item(1).id, F.item(2).id, F.item(3).id]))
        #expect(items.first { $0.id == F.item(1).id }?.metadata["note"] == Self.hostile)
        #expect(items.allSatisfy { $0.secret == nil })
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let first = try #require(objects.first { $0["id"] as? String == F.item(1).id })
        let derived = try #require(first["envtop"] as? [String: Any])
        #expect(derived["attention"] as? String == "stale")
        #expect(derived["signature"] as? String == "lease_lost")
        #expect(derived["heartbeat_age_seconds"] as? Double == 400)
        #expect(derived["environment"] as? String == F.env)
    }

    @Test("jsonl: one item a line, each a whole JSON object")
    func jsonLines() throws {
        let lines = ScriptOutput.items(Self.loaded(), as: .jsonl).split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines {
            let item = try JSONDecoder().decode(WorkItem.self, from: Data(line.utf8))
            #expect(item.environmentID == F.env)
        }
    }

    @Test("csv: a header row, one row an item, and a hostile value comes back byte for byte")
    func csvRoundTrip() throws {
        let rows = Self.parseCSV(ScriptOutput.items(Self.loaded(), as: .csv))
        #expect(rows.first == ScriptOutput.itemColumns)
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.count == ScriptOutput.itemColumns.count })
        let row = try #require(rows.first { $0[2] == F.item(1).id })
        let metadata = try JSONDecoder().decode([String: String].self, from: Data(row[11].utf8))
        #expect(metadata["note"] == Self.hostile)
        #expect(row[9] == "stale")
        let stats = Self.parseCSV(ScriptOutput.environments(Self.loaded(), as: .csv))
        #expect(stats.first == ScriptOutput.environmentColumns)
        #expect(stats.count == 2)
    }

    @Test("text: no escape sequence or control character reaches the terminal")
    func textIsSafe() {
        var state = Self.loaded()
        _ = state.apply(.resize(Size(width: 200, height: 40)))
        for text in [ScriptOutput.snapshot(state, as: .text), ScriptOutput.items(state, as: .text), ScriptOutput.environments(state, as: .text)] {
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        }
        #expect(ScriptOutput.items(state, as: .text).contains("\\e[31m"))
    }

    @Test("the --once snapshot leaves out the live-only words")
    func snapshotHasNoLiveWords() {
        let text = ScriptOutput.snapshot(Self.loaded(), as: .text)
        #expect(!text.contains("every "))
        #expect(!text.contains("just now"))
        #expect(!text.contains("retrying"))
        #expect(text.contains("refreshed "))
    }

    @Test("stats: depth, pending, queued, by state and by reason, rules failing")
    func environmentRecord() throws {
        let records = EnvironmentRecord.all(Self.loaded())
        let r = try #require(records.first)
        #expect(r.depth == 1 && r.pending == 0 && r.queued == 1)
        #expect(r.byState["active"] == 1 && r.byState["queued"] == 1 && r.byState["stopping"] == 1)
        #expect(r.byReason["stale"] == 1)
        #expect(r.reachable)
        #expect(r.rulesFailing.isEmpty)
    }
}
