import EnvtopCore
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOConcurrencyHelpers
import Prometheus

/// The exporter's metrics, in a swift-prometheus registry: made once per environment when the
/// exporter starts (the label sets are fixed: environment, label, state, reason, rule, a
/// heartbeat bucket; never a work or session id), set from the state after each refresh, and
/// written out by the registry on a scrape without touching the API.
public final class ExporterMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry

    /// Upper bounds of the heartbeat-age buckets, in seconds (cumulative, as Prometheus's `le`).
    public static let heartbeatBuckets: [Double] = [10, 30, 60, 90, 300, 600]

    struct Environment: Sendable {
        let id: String
        let up: Gauge
        let lastSuccess: Gauge
        let depth: Gauge
        let pending: Gauge
        let workersPolling: Gauge
        let oldestQueuedAge: Gauge
        let byState: [WorkState: Gauge]
        let byReason: [String: Gauge]
        let heartbeat: [Gauge]
        let rules: [QueueRule: Gauge]
        let arrivals: Counter
        let completions: Counter
    }

    let environments: [Environment]
    /// Cumulative arrivals and completions already counted, per environment.
    private let counted: NIOLockedValueBox<[String: (arrivals: UInt32, completions: UInt32)]>
    private let calls: NIOLockedValueBox<[String: Counter]>

    public init(environments watched: [WatchedEnvironment], tag: (String) -> String) {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        environments = watched.map { env in
            let labels = [("environment", env.id), ("label", tag(env.id))]
            func gauge(_ name: String, _ help: String, _ extra: [(String, String)] = []) -> Gauge {
                registry.makeGauge(descriptor: Self.describe(name, help), labels: labels + extra)
            }
            return Environment(
                id: env.id,
                up: gauge("envtop_up", "1 when the last refresh of the environment succeeded, else 0"),
                lastSuccess: gauge("envtop_last_success_timestamp_seconds", "Unix time of the last successful refresh"),
                depth: gauge("envtop_queue_depth", "Items waiting for a worker to poll them (the API's depth)"),
                pending: gauge("envtop_queue_pending", "Items polled and not yet acknowledged (the API's pending)"),
                workersPolling: gauge("envtop_workers_polling", "Workers that polled in the last 30 s (NaN when the API does not say)"),
                oldestQueuedAge: gauge("envtop_oldest_queued_age_seconds", "Seconds the oldest queued item has waited (0 when none waits)"),
                byState: Dictionary(uniqueKeysWithValues: WorkState.known.map { state in
                    (state, gauge("envtop_items", "Work items by state", [("state", state.rawValue)]))
                }),
                byReason: Dictionary(uniqueKeysWithValues: Attention.queryNames.map { reason in
                    (reason, gauge("envtop_items_needing_attention", "Work items needing an operator, by reason", [("reason", reason)]))
                }),
                heartbeat: (ExporterMetrics.heartbeatBuckets.map { ExporterMetrics.bound($0) } + ["+Inf"]).map { le in
                    gauge("envtop_heartbeat_age_items", "Items with a heartbeat at most `le` seconds old (cumulative)", [("le", le)])
                },
                rules: Dictionary(uniqueKeysWithValues: QueueRule.allCases.map { rule in
                    (rule, gauge("envtop_rule_failing", "1 while the runbook rule fails", [("rule", rule.title.replacing(" ", with: "_"))]))
                }),
                arrivals: registry.makeCounter(descriptor: Self.describe("envtop_arrivals_total", "Items seen arriving since the exporter started"), labels: labels),
                completions: registry.makeCounter(descriptor: Self.describe("envtop_completions_total", "Items seen finishing since the exporter started"), labels: labels))
        }
        counted = NIOLockedValueBox([:])
        calls = NIOLockedValueBox([:])
    }

    static func bound(_ seconds: Double) -> String { seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds) }

    /// Sets every metric from the state: called after refreshes, never on a scrape.
    public func update(from state: AppState) {
        for env in environments {
            guard let feed = state.environmentFeed(env.id) else { continue }
            let connection = feed.connection
            env.up.set(connection.lastError == nil && connection.lastSuccessAt != nil ? 1.0 : 0.0)
            if let last = connection.lastSuccessAt { env.lastSuccess.set(last.timeIntervalSince1970) }
            if let stats = feed.stats {
                env.depth.set(Double(stats.depth))
                env.pending.set(Double(stats.pending))
                env.workersPolling.set(stats.workersPolling.map(Double.init) ?? .nan)
                env.oldestQueuedAge.set(stats.oldestQueuedAt.map { max(0, state.now.timeIntervalSince($0)) } ?? 0)
            }
            for (s, gauge) in env.byState { gauge.set(Double(feed.store.counts[s])) }
            var reasons: [String: Int] = [:]
            for attention in feed.attention.values { reasons[attention.queryName, default: 0] += 1 }
            for (reason, gauge) in env.byReason { gauge.set(Double(reasons[reason] ?? 0)) }
            var buckets = [Int](repeating: 0, count: Self.heartbeatBuckets.count + 1)
            for item in feed.store.byID.values {
                guard let beat = item.latestHeartbeatAt, item.state != .stopped else { continue }
                let age = state.now.timeIntervalSince(beat)
                for (i, bound) in Self.heartbeatBuckets.enumerated() where age <= bound { buckets[i] += 1 }
                buckets[Self.heartbeatBuckets.count] += 1
            }
            for (gauge, count) in zip(env.heartbeat, buckets) { gauge.set(Double(count)) }
            for (rule, gauge) in env.rules { gauge.set(feed.rules.isFiring(rule) ? 1.0 : 0.0) }
            if let latest = feed.history.latest {
                let before = counted.withLockedValue { $0[env.id] }
                if let before {
                    if latest.arrivals > before.arrivals { env.arrivals.increment(by: Int64(latest.arrivals - before.arrivals)) }
                    if latest.completions > before.completions { env.completions.increment(by: Int64(latest.completions - before.completions)) }
                }
                counted.withLockedValue { $0[env.id] = (latest.arrivals, latest.completions) }
            }
        }
    }

    /// Counts one API call by what it was and how it ended (`200`, the HTTP status, or `error`).
    public func recordCall(_ call: String, status: String) {
        let key = "\(call) \(status)"
        let counter = calls.withLockedValue { counters in
            if let counter = counters[key] { return counter }
            let counter = registry.makeCounter(
                descriptor: Self.describe("envtop_api_requests_total", "Work API calls the exporter made, by call and outcome"),
                labels: [("call", call), ("status", status)])
            counters[key] = counter
            return counter
        }
        counter.increment()
    }

    /// The Prometheus text format of every metric.
    public func exposition() -> String { registry.emitToString() }

    /// A whole metric name (unit included, as Prometheus shows it) and its help line.
    static func describe(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }
}
