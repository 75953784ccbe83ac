import EnvtopClient
import EnvtopCore
import EnvtopModels
import EnvtopRuntime
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The exporter's live model: the dashboard's own state and reducer, refreshed on the
/// dashboard's schedule by a clock that ticks once a second, with no screen. Every API answer
/// is counted by call and outcome; the metrics are set from the state on each tick, so a scrape
/// only reads the registry.
public actor ExporterModel {
    var state: AppState
    let runner: EffectRunner
    public nonisolated let metrics: ExporterMetrics

    public init(options: AppState.Options, api: any DashboardAPI, now: Date = Date()) {
        let state = AppState(options: options, size: Size(width: 120, height: 40), now: now)
        metrics = ExporterMetrics(environments: options.environments, tag: { state.tag($0) })
        self.state = state
        runner = EffectRunner(api: api)
    }

    /// One tick of the clock: the metrics from what the state knows now, then any refresh that is due.
    public func tick(_ now: Date = Date()) {
        perform(state.apply(.tick(now)))
        metrics.update(from: state)
    }

    /// Starts each effect's call off the actor; its answer comes back through `receive`.
    func perform(_ effects: [Effect]) {
        var themes = ThemeRing(themes: [])
        for effect in effects {
            guard case .call(let call) = runner.plan(effect, themes: &themes) else { continue }
            Task {
                let event = await call()
                self.receive(event)
            }
        }
    }

    func receive(_ event: Event) {
        if let (call, status) = Self.outcome(event) { metrics.recordCall(call, status: status) }
        perform(state.apply(event))
    }

    /// The call an answer belongs to, and how it ended: `200`, the HTTP status, or `error`.
    static func outcome(_ event: Event) -> (String, String)? {
        func status<T>(_ result: Result<T, APIError>) -> String {
            switch result {
            case .success: "200"
            case .failure(let error): error.status.map(String.init) ?? "error"
            }
        }
        switch event {
        case .statsLoaded(_, _, let result, _, _): return ("stats", status(result))
        case .pageLoaded(_, let result, _): return ("list", status(result))
        case .itemChecked(_, _, let result, _): return ("get", status(result))
        default: return nil
        }
    }

    /// Whether every environment has answered a refresh at least once (for tests and `/healthz`).
    public var loaded: Bool { state.feeds.allSatisfy { $0.connection.lastSuccessAt != nil } }
}
