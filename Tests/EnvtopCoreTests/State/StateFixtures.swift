import EnvtopCore
import EnvtopUI
import EnvtopModels
import Foundation

/// Builders for reducer tests: items, pages, and a state driven through its real events.
enum StateFixtures {
    static let env = "env_test"
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    static func item(
        _ n: Int, state: WorkState = .active, createdSecondsAgo: Double = 600, heartbeatSecondsAgo: Double? = 5,
        metadata: [String: String] = [:], now: Date = t0
    ) -> WorkItem {
        let created = now.addingTimeInterval(-createdSecondsAgo)
        var item = WorkItem(
            id: String(format: "work_%024d", n), environmentID: env, state: state,
            data: WorkData(id: String(format: "session_%021d", n)), metadata: metadata, createdAt: created)
        if state != .queued {
            item.acknowledgedAt = created.addingTimeInterval(1)
        }
        if state == .active || state == .stopping || state == .stopped {
            item.startedAt = created.addingTimeInterval(2)
            item.latestHeartbeatAt = heartbeatSecondsAgo.map { now.addingTimeInterval(-$0) }
        }
        if state == .stopping || state == .stopped { item.stopRequestedAt = now.addingTimeInterval(-10) }
        if state == .stopped { item.stoppedAt = now.addingTimeInterval(-5) }
        return item
    }

    static func stats(depth: Int = 1, pending: Int = 0, polling: Int? = 2) -> QueueStats {
        QueueStats(depth: depth, pending: pending, oldestQueuedAt: t0.addingTimeInterval(-30), workersPolling: polling)
    }

    static func state(readOnly: Bool = false, size: Size = Size(width: 120, height: 40)) -> AppState {
        AppState(options: .init(environmentID: env, readOnly: readOnly, refreshInterval: 2), size: size, now: t0)
    }

    /// A state that has completed one refresh cycle with the given items on one page.
    static func loaded(_ items: [WorkItem], readOnly: Bool = false, size: Size = Size(width: 120, height: 40)) -> AppState {
        var s = state(readOnly: readOnly, size: size)
        let effects = s.apply(.tick(t0))
        answer(&s, effects, pages: [items])
        return s
    }

    /// Answers every fetch effect of a cycle: stats succeed, page i comes from `pages[i]`.
    static func answer(_ s: inout AppState, _ effects: [Effect], pages: [[WorkItem]], stats: QueueStats = stats()) {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            switch effect {
            case .fetchStats(let env, let generation):
                queue += s.apply(.statsLoaded(environmentID: env, generation: generation, .success(stats), latency: 0.01, at: s.now))
            case .fetchPage(let request):
                let data = request.index < pages.count ? pages[request.index] : []
                let next = request.index + 1 < pages.count ? "cursor_\(request.index + 1)" : nil
                queue += s.apply(.pageLoaded(request, .success(WorkPage(data: data, nextPage: next)), at: s.now))
            default:
                break
            }
        }
    }
}
