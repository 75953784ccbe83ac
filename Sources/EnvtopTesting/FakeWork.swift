import EnvtopModels
import Foundation

/// Work items for tests, with short ids that are easy to look for on screen.
public enum FakeWork {
    /// The environment the fake's items belong to.
    public static let environmentID = "env_fake"

    /// Item `n`: id `work_000n` (four digits), session `session_000n`, created `n` minutes
    /// before `now` (so a higher `n` is older), with the timestamps its state implies.
    public static func item(
        _ n: Int, state: WorkState = .active, environment: String = environmentID, now: Date = Date()
    ) -> WorkItem {
        let created = now.addingTimeInterval(-60 * Double(n))
        var item = WorkItem(
            id: String(format: "work_%04d", n), environmentID: environment, state: state,
            data: WorkData(id: String(format: "session_%04d", n)), createdAt: created)
        if state != .queued { item.acknowledgedAt = created.addingTimeInterval(1) }
        if [.active, .stopping, .stopped].contains(state) {
            item.startedAt = created.addingTimeInterval(2)
            item.latestHeartbeatAt = now
        }
        if [.stopping, .stopped].contains(state) { item.stopRequestedAt = now }
        if state == .stopped { item.stoppedAt = now }
        return item
    }

    /// Items `numbers`, all in `state`.
    public static func items(
        _ numbers: ClosedRange<Int>, state: WorkState = .active, environment: String = environmentID, now: Date = Date()
    ) -> [WorkItem] {
        numbers.map { item($0, state: state, environment: environment, now: now) }
    }
}
