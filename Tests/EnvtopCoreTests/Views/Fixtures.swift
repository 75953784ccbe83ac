import EnvtopCore
import EnvtopUI
import EnvtopModels
import Foundation

/// A fixed world for view tests: a handful of items in every state (one with a lost lease, one
/// stuck stopping, one with hostile metadata), driven into an `AppState` through the real reducer.
enum ViewFixtures {
    static let env = "env_01JQ8ZK4M2XW9PLT6RVN3BYC"
    static let envName = "Production"
    /// 2026-03-04T12:00:00Z, a fixed `now`.
    static let now = RFC3339.parse("2026-03-04T12:00:00Z")!
    static let utc = ClockZone.utc

    static let hostileNote = "\u{1b}[31mred\u{1b}[0m\nnext"
    static let hostileMetadata = ["note": hostileNote, "owner": "山田太郎", "emoji": "🚀 launch"]

    /// "work_" + 24 characters, distinct in the first two.
    static func workID(_ n: Int) -> String { "work_" + String(format: "%02d", n) + "K7mQ2xW9pL4nR8tV3zB6cY" }
    static func sessionID(_ n: Int) -> String { "session_" + String(format: "%02d", n) + "Hq3vT8nW1kZ5xR7mP2bL4d" }

    static func ago(_ seconds: Double) -> Date { now.addingTimeInterval(-seconds) }

    static func item(
        _ n: Int, _ state: WorkState, created: Double, acknowledged: Double? = nil, started: Double? = nil,
        heartbeat: Double? = nil, stopRequested: Double? = nil, stopped: Double? = nil,
        metadata: [String: String] = [:], kind: WorkData.Kind = .session
    ) -> WorkItem {
        WorkItem(
            id: workID(n), environmentID: env, state: state,
            data: WorkData(id: kind == .session ? sessionID(n) : "hc_" + String(format: "%02d", n) + "Hq3vT8nW1kZ5xR7mP2bL4d", kind: kind),
            metadata: metadata, createdAt: ago(created), acknowledgedAt: acknowledged.map(ago),
            startedAt: started.map(ago), latestHeartbeatAt: heartbeat.map(ago),
            stopRequestedAt: stopRequested.map(ago), stoppedAt: stopped.map(ago))
    }

    /// Newest first: 1, 2, 3, 8, 9, 4, 7, 5, 6, 12, 11, 10.
    static let items: [WorkItem] = [
        item(1, .active, created: 20, acknowledged: 19, started: 18, heartbeat: 3, metadata: hostileMetadata),
        item(2, .queued, created: 30, metadata: ["repo": "acme/api", "priority": "high"]),
        item(3, .starting, created: 50, acknowledged: 45),
        item(4, .active, created: 600, acknowledged: 599, started: 598, heartbeat: 8,
             metadata: ["repo": "acme/web", "run": "nightly-42"]),
        // Lease lost: last heartbeat 4 minutes ago.
        item(5, .active, created: 1200, acknowledged: 1199, started: 1198, heartbeat: 240, metadata: ["repo": "acme/db"]),
        // Stuck stopping: asked to stop 2 minutes ago.
        item(6, .stopping, created: 1800, acknowledged: 1799, started: 1798, heartbeat: 180, stopRequested: 120),
        item(7, .stopping, created: 900, acknowledged: 899, started: 898, heartbeat: 12, stopRequested: 10),
        // Acknowledged 5 minutes ago, never active.
        item(8, .starting, created: 360, acknowledged: 300),
        // Queued 8 minutes while workers poll.
        item(9, .queued, created: 480),
        item(10, .stopped, created: 93_600, acknowledged: 93_590, started: 93_580, heartbeat: 86_460,
             stopRequested: 86_420, stopped: 86_400),
        item(11, .unknown("suspended"), created: 7200),
        item(12, .active, created: 3600, acknowledged: 3599, started: 3598, heartbeat: 10, kind: .healthcheck),
    ]

    static let stats = QueueStats(depth: 2, pending: 1, oldestQueuedAt: ago(480), workersPolling: 3)

    static func options(readOnly: Bool = false) -> AppState.Options {
        AppState.Options(environmentID: env, environmentName: envName, readOnly: readOnly, refreshInterval: 2)
    }

    /// A state after one successful refresh cycle with `items` over `pages` pages.
    static func loaded(
        size: Size, items: [WorkItem] = items, stats: QueueStats = stats, readOnly: Bool = false, pageSize: Int? = nil
    ) -> AppState {
        var state = AppState(options: options(readOnly: readOnly), size: size, now: now)
        let effects = state.apply(.tick(now))
        let pages = pageSize.map { size in stride(from: 0, to: items.count, by: size).map { Array(items[$0..<min($0 + size, items.count)]) } }
            ?? [items]
        answer(&state, effects, pages: pages, stats: .success(stats))
        return state
    }

    /// Answers a cycle's effects: stats with `stats`, page i from `pages[i]`.
    static func answer(
        _ state: inout AppState, _ effects: [Effect], pages: [[WorkItem]], stats: Result<QueueStats, APIError>,
        pageError: APIError? = nil, latency: Double = 0.045
    ) {
        var queue = effects
        while !queue.isEmpty {
            switch queue.removeFirst() {
            case .fetchStats(let env, let generation):
                queue += state.apply(.statsLoaded(environmentID: env, generation: generation, stats, latency: latency, at: state.now))
            case .fetchPage(let request):
                if let pageError {
                    queue += state.apply(.pageLoaded(request, .failure(pageError), at: state.now))
                    continue
                }
                let data = request.index < pages.count ? pages[request.index] : []
                let next = request.index + 1 < pages.count ? "cursor_\(request.index + 1)" : nil
                queue += state.apply(.pageLoaded(request, .success(WorkPage(data: data, nextPage: next)), at: state.now))
            default:
                break
            }
        }
    }

    /// Lets `seconds` pass and makes the next refresh cycle fail with `error`.
    static func failRefresh(_ state: inout AppState, after seconds: Double, error: APIError) {
        let effects = state.apply(.tick(state.now.addingTimeInterval(seconds)))
        answer(&state, effects, pages: [], stats: .failure(error), pageError: error)
    }

    static func press(_ state: inout AppState, _ keys: Key...) {
        for key in keys { _ = state.apply(.key(key)) }
    }

    static func render(_ state: AppState) -> Screen { DashboardView.render(state, timeZone: utc) }
}
