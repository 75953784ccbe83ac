import EnvtopCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension DashboardView {
    /// The history chart over the list (`H`): for one environment its queue, pending, workers
    /// polling and oldest wait; in the merged view the queued count of each environment.
    static func historyChart(_ state: AppState, width: Int) -> HistoryChart {
        let columns = HistoryChart.columns(width: width)
        // The whole hour across the width, in whole seconds a column (at least one refresh).
        let bucket = max(state.options.refreshInterval, (3600 / Double(columns)).rounded(.up))
        let glyphs: Sparkline.Glyphs = state.options.asciiCharts ? .ascii : .blocks
        func values(_ feed: Feed, _ series: StatsHistory.Series) -> [Double?] {
            feed.history.buckets(series, count: columns, bucketSeconds: bucket, now: state.now)
        }
        let span = "last \(Age.format(Double(columns) * bucket)), a column every \(Age.exact(bucket))"
        if state.isMerged {
            let series = state.scopedFeeds.map { i -> HistoryChart.Series in
                let feed = state.feeds[i]
                let env = state.watched(feed.environmentID)
                return HistoryChart.Series(
                    title: "queued · " + state.tag(feed.environmentID), values: values(feed, .queued),
                    role: ThemeRole.environment(env?.color))
            }
            return HistoryChart(title: "History: queued per environment, \(span)  (H: back to the list)",
                                series: series, bucketSeconds: bucket, glyphs: glyphs)
        }
        let feed = state.feed
        return HistoryChart(
            title: "History: \(span)  (H: back to the list)",
            series: [
                .init(title: "queued (depth + pending)", values: values(feed, .queued), role: .headerValue),
                .init(title: "pending", values: values(feed, .pending), role: .warning),
                .init(title: "workers polling", values: values(feed, .workersPolling), role: .ok),
                .init(title: "oldest queued, seconds", values: values(feed, .oldestQueuedAge), role: .headerLabel),
            ],
            bucketSeconds: bucket, glyphs: glyphs)
    }
}
