import EnvtopCore
import EnvtopExporter
import EnvtopModels
import EnvtopTesting
import Foundation
import Testing

/// The exporter's model and metrics: the exposition parses back to the state's numbers, the
/// series stay bounded with 100,000 items, and a scrape answers at once while the API hangs.
@Suite("Prometheus exporter")
struct ExporterTests {
    /// `name{labels} value` lines of a text exposition, keyed by the whole series.
    static func parse(_ text: String) throws -> [String: Double] {
        var series: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " ") else { throw Malformed(line: String(line)) }
            let key = String(line[..<space])
            let valueText = line[line.index(after: space)...]
            guard let value = valueText == "NaN" ? .nan : Double(valueText) else { throw Malformed(line: String(line)) }
            guard key.range(of: #"^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="[^"]*",?)*\})?$"#, options: .regularExpression) != nil
            else { throw Malformed(line: String(line)) }
            series[key] = value
        }
        return series
    }

    struct Malformed: Error { let line: String }

    static func options(_ env: String = FakeWork.environmentID) -> AppState.Options {
        AppState.Options(environments: [WatchedEnvironment(id: env, label: "lab")], refreshInterval: 2, pageSize: 1000)
    }

    /// Ticks until every environment has answered once.
    static func load(_ model: ExporterModel) async throws {
        let deadline = Date().addingTimeInterval(120)
        await model.tick()
        while await !model.loaded {
            guard Date() < deadline else { throw Malformed(line: "never loaded") }
            try await Task.sleep(for: .milliseconds(20))
        }
        await model.tick()
    }

    @Test("the exposition parses back: queue, items by state and reason, heartbeat buckets, up, calls counted")
    func exposition() async throws {
        let now = Date()
        var items = FakeWork.items(1...3, state: .active, now: now) + FakeWork.items(4...5, state: .queued, now: now)
        items[0].latestHeartbeatAt = now.addingTimeInterval(-400)  // no heartbeat for longer than the lease
        let api = FakeDashboardAPI(items: items)
        let model = ExporterModel(options: Self.options(), api: api)
        try await Self.load(model)
        let text = model.metrics.exposition()
        let series = try Self.parse(text)
        let env = #"environment="env_fake",label="lab""#
        #expect(series["envtop_up{\(env)}"] == 1)
        #expect(series["envtop_queue_depth{\(env)}"] == 2)
        #expect(series["envtop_items{\(env),state=\"active\"}"] == 3)
        #expect(series["envtop_items{\(env),state=\"queued\"}"] == 2)
        #expect(series["envtop_items_needing_attention{\(env),reason=\"stale\"}"] == 1)
        #expect(series["envtop_heartbeat_age_items{\(env),le=\"10\"}"] == 2)
        #expect(series["envtop_heartbeat_age_items{\(env),le=\"+Inf\"}"] == 3)
        #expect(series["envtop_rule_failing{\(env),rule=\"no_workers\"}"] == 0)
        #expect((series["envtop_api_requests_total{call=\"stats\",status=\"200\"}"] ?? 0) >= 1)
        #expect(text.contains("# TYPE envtop_queue_depth gauge"))
        #expect(!text.contains("work_0001") && !text.contains("session_"), "no item or session id is a label")
    }

    @Test("100,000 items: the series do not grow with the items")
    func boundedCardinality() async throws {
        let now = Date()
        let small = ExporterModel(options: Self.options(), api: FakeDashboardAPI(items: FakeWork.items(1...10, now: now)))
        try await Self.load(small)
        let many = ExporterModel(options: Self.options(), api: FakeDashboardAPI(items: FakeWork.items(1...100_000, now: now)))
        try await Self.load(many)
        let a = try Self.parse(small.metrics.exposition()).keys.filter { !$0.hasPrefix("envtop_api_requests_total") }
        let b = try Self.parse(many.metrics.exposition()).keys.filter { !$0.hasPrefix("envtop_api_requests_total") }
        #expect(Set(a) == Set(b))
        #expect(b.count < 60)
    }

    @Test("a scrape answers at once from the last values while every API call hangs")
    func scrapeWhileAPIHangs() async throws {
        let api = FakeDashboardAPI(items: FakeWork.items(1...5))
        let model = ExporterModel(options: Self.options(), api: api)
        try await Self.load(model)
        await api.reply(.hang)
        // The next refreshes hang; scrapes still answer at once with the last values.
        await model.tick(Date().addingTimeInterval(5))
        var slowest = Duration.zero
        for _ in 0..<20 {
            let started = ContinuousClock.now
            let text = model.metrics.exposition()
            slowest = max(slowest, ContinuousClock.now - started)
            #expect(text.contains("envtop_items{"))
        }
        #expect(slowest < .milliseconds(50), "slowest scrape \(slowest)")
        await api.releaseAll()
    }
}
