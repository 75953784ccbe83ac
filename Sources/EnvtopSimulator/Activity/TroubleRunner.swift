import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Plays the simulator's troubles (`TroubleKind`): each one a short script against the shared
/// state, run in its own task so the API stays responsive, and cancelled when the server stops.
///
/// The scripts do not need a simulated worker: they enqueue their own item and act on it as a
/// worker would (`sim-trouble` for the one that polls and never acknowledges), so a quiet
/// simulator (`--workers 0`) shows every kind too. Items carry `trouble=<kind>` in their metadata.
actor TroubleRunner {
    let state: SimulatorState
    private var tasks: [Task<Void, Never>] = []

    init(state: SimulatorState) {
        self.state = state
    }

    /// The worker id the stalled claim polls with.
    static let stalledWorker = "sim-trouble-stalled"

    /// Starts `request` now (after its `afterSeconds`, for a scheduled one).
    func start(_ request: TroubleRequest, environmentID: String) {
        let state = self.state
        tasks.removeAll { $0.isCancelled }
        tasks.append(Task {
            if let delay = request.afterSeconds, delay > 0 {
                guard (try? await Task.sleep(for: .milliseconds(Int(delay * 1000)))) != nil else { return }
            }
            await Self.play(request, environmentID: environmentID, state: state)
        })
    }

    func stop() async {
        let running = tasks
        tasks = []
        for task in running { task.cancel() }
        for task in running { await task.value }
    }

    static func play(_ request: TroubleRequest, environmentID env: String, state: SimulatorState) async {
        let kind = request.kind
        let seconds = request.seconds ?? kind.defaultSeconds
        let metadata = ["trouble": kind.rawValue]
        func newItem() async -> WorkItem? {
            try? await state.enqueue(environmentID: env, count: 1, metadata: metadata).first
        }
        switch kind {
        case .handoffBroken, .failedClaim, .leaseLost:
            for _ in 0..<max(1, request.count ?? 1) {
                guard let item = await newItem() else { return }
                guard await sleep(0.5), (try? await state.ack(environmentID: env, id: item.id)) != nil else { return }
                switch kind {
                case .handoffBroken:
                    // The spawn script returned at once; the poller took that as "finished".
                    guard await sleep(2) else { return }
                    _ = try? await state.stop(environmentID: env, id: item.id, force: false)
                    guard await sleep(3) else { return }
                    _ = try? await state.stop(environmentID: env, id: item.id, force: true)
                case .failedClaim:
                    guard await sleep(1) else { return }
                    _ = try? await state.stop(environmentID: env, id: item.id, force: true)
                default:
                    // One beat (the item turns active), then the worker is gone for good.
                    _ = try? await state.heartbeat(environmentID: env, id: item.id, expected: APIConstants.noHeartbeat, desiredTTLSeconds: nil)
                }
            }
        case .stalledClaim:
            guard let item = await newItem() else { return }
            try? await state.hold(environmentID: env, id: item.id, polledBy: stalledWorker)
            _ = await sleep(seconds)
            await state.release(environmentID: env, id: item.id)
        case .noWorkers:
            await state.pauseWorkers(environmentID: env, until: Date().addingTimeInterval(seconds))
            if let item = await newItem() {
                _ = await sleep(seconds)
                await state.release(environmentID: env, id: item.id)
            }
        case .growingBacklog:
            var held: [String] = []
            let end = Date().addingTimeInterval(seconds)
            while Date() < end {
                guard let item = await newItem() else { break }
                try? await state.hold(environmentID: env, id: item.id, polledBy: nil)
                held.append(item.id)
                guard await sleep(3) else { break }
            }
            for id in held { await state.release(environmentID: env, id: id) }
        case .burst:
            _ = try? await state.enqueue(environmentID: env, count: max(1, request.count ?? 15), metadata: metadata)
        }
    }

    /// False when the task was cancelled (the server is stopping).
    private static func sleep(_ seconds: Double) async -> Bool {
        (try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))) != nil
    }
}
