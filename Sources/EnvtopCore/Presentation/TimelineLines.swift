import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The detail pane's "Timeline" section: each step of the item's life with its local time, its
/// age and its UTC time, then the durations between the steps ("—" where a step is missing).
enum TimelineLines {
    static func add(_ item: WorkItem, now: Date, time: TimeFormatting, to out: inout DetailLines.Builder) {
        let timeline = ItemTimeline(item, now: now)
        out.section("Timeline")
        func field(_ name: String, _ at: Date?) {
            out.field(name, at.map { stamp($0, now: now, time: time) } ?? "—", role: at == nil ? .dim : .detailValue)
        }
        for step in timeline.steps {
            field(step.name, step.at)
            if step.name == "started" { field("last heartbeat", item.latestHeartbeatAt) }
        }
        out.field("queue wait", ItemTimeline.text(timeline.queueWait))
        out.field("start latency", ItemTimeline.text(timeline.startLatency))
        out.field("run time", ItemTimeline.text(timeline.runTime))
        out.field("heartbeat age", ItemTimeline.text(timeline.heartbeatAge))
        out.field("drain age", ItemTimeline.text(timeline.drainAge))
    }

    /// "12:03:55 (4m ago) · 11:03:55Z", or "11:03:55Z (4m ago)" when local time is UTC.
    static func stamp(_ date: Date, now: Date, time: TimeFormatting) -> String {
        let zulu = TimeFormatting.utc.clock(date, now: now) + "Z"
        if time.timeZone.secondsFromGMT(for: date) == 0 { return "\(zulu) (\(TimeFormatting.relative(date, now: now)))" }
        return "\(time.stamp(date, now: now)) · \(zulu)"
    }
}
