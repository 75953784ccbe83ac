import EnvtopModels
import Foundation
import Testing

@Suite("The reference's example responses decode")
struct ReferenceExampleDecodingTests {
    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    private func date(_ index: Int) -> Date? { RFC3339.parse(ReferenceExamples.timestamp(index)) }

    @Test("the work item (get, poll, ack, stop, update): every field lands where it belongs")
    func workItem() throws {
        let item = try decode(WorkItem.self, ReferenceExamples.withTimestamps(ReferenceExamples.workItem))
        #expect(item.id == "id")
        #expect(item.environmentID == "environment_id")
        #expect(item.state == .queued)
        #expect(item.data == WorkData(id: "id", kind: .session))
        #expect(item.metadata == ["foo": "string"])
        #expect(item.acknowledgedAt == date(0))
        #expect(item.createdAt == date(1))
        #expect(item.latestHeartbeatAt == date(2))
        #expect(item.startedAt == date(3))
        #expect(item.stopRequestedAt == date(4))
        #expect(item.stoppedAt == date(5))
        // The example omits `secret` (the SDK marks it nullable): absent decodes as nil.
        #expect(item.secret == nil)
    }

    @Test("the heartbeat answer decodes as it stands, last_heartbeat kept verbatim")
    func heartbeat() throws {
        let answer = try decode(HeartbeatResponse.self, ReferenceExamples.heartbeat)
        #expect(answer == HeartbeatResponse(lastHeartbeat: "last_heartbeat", leaseExtended: true, state: .queued, ttlSeconds: 0))
    }

    @Test("the list answer: one item and the next page cursor")
    func list() throws {
        let page = try decode(WorkPage.self, ReferenceExamples.withTimestamps(ReferenceExamples.list))
        #expect(page.nextPage == "next_page")
        #expect(page.data.count == 1)
        #expect(page.data[0] == (try decode(WorkItem.self, ReferenceExamples.withTimestamps(ReferenceExamples.workItem))))
    }

    @Test("the queue stats answer")
    func stats() throws {
        let stats = try decode(QueueStats.self, ReferenceExamples.withTimestamps(ReferenceExamples.stats))
        #expect(stats == QueueStats(depth: 0, pending: 0, oldestQueuedAt: date(6), workersPolling: 0))
    }

    @Test("verbatim, the placeholder timestamps are refused, naming the field: a bad timestamp is never a silent nil")
    func placeholdersAreNotTimestamps() {
        // A page leaves such an item out and names it, so its other items still show.
        let page = try? JSONDecoder().decode(WorkPage.self, from: Data(ReferenceExamples.list.utf8))
        #expect(page?.data.isEmpty == true)
        #expect(page?.unreadable.first?.contains("created_at") == true, "\(String(describing: page?.unreadable))")
        let cases: [(any Decodable.Type, String, String)] = [
            (WorkItem.self, ReferenceExamples.workItem, "created_at"),
            (QueueStats.self, ReferenceExamples.stats, "oldest_queued_at"),
        ]
        for (type, json, field) in cases {
            do {
                _ = try JSONDecoder().decode(type, from: Data(json.utf8))
                Issue.record("the placeholder \(field) should not decode as a timestamp")
            } catch DecodingError.dataCorrupted(let context) {
                #expect(context.codingPath.last?.stringValue == field)
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test("what the TypeScript SDK adds: a health check (type optional), nullable fields as null, a secret")
    func typeScriptShapes() throws {
        let json = #"""
            {"type":"work","id":"work_1","environment_id":"env_1","state":"active","data":{"id":"hc_1"},
            "metadata":{},"created_at":"2026-04-01T12:00:00Z","acknowledged_at":null,"started_at":null,
            "latest_heartbeat_at":null,"stop_requested_at":null,"stopped_at":null,"secret":"c2VjcmV0LXZhbHVl"}
            """#
        let item = try decode(WorkItem.self, json)
        #expect(item.data.kind == .healthcheck)
        #expect(item.acknowledgedAt == nil)
        #expect(item.secret?.revealForWorker() == "c2VjcmV0LXZhbHVl")
        #expect(!String(describing: item).contains("c2VjcmV0LXZhbHVl"))
        let explicit = try decode(WorkData.self, #"{"id":"hc_2","type":"healthcheck"}"#)
        #expect(explicit.kind == .healthcheck)
    }

    @Test("a stats answer with nulls for the nullable fields, and an absent workers_polling")
    func statsNulls() throws {
        let nulls = try decode(QueueStats.self, #"{"type":"work_queue_stats","depth":3,"pending":1,"oldest_queued_at":null,"workers_polling":null}"#)
        #expect(nulls == QueueStats(depth: 3, pending: 1, oldestQueuedAt: nil, workersPolling: nil))
        let absent = try decode(QueueStats.self, #"{"depth":3,"pending":1}"#)
        #expect(absent == nulls)
    }

    @Test("encoding then decoding a work item gives it back, with every nullable field written")
    func roundTrip() throws {
        let item = try decode(WorkItem.self, ReferenceExamples.withTimestamps(ReferenceExamples.workItem))
        let data = try JSONEncoder().encode(item)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["secret"] is NSNull)
        #expect(object["type"] as? String == "work")
        #expect(try JSONDecoder().decode(WorkItem.self, from: data) == item)
    }
}
