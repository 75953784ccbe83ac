import EnvtopClient
import EnvtopCore
import EnvtopUI
import EnvtopModels

/// Runs effects to completion one after another, feeding each answer back into the state.
///
/// `--once` uses it to load the stats and every page before printing, through the same reducer
/// and the same plans as the live dashboard; screen commands are dropped (there is no screen).
public enum StateDriver {
    /// `stopAtFirstFailure`: a script wants the first error, not the refresh cycle's retries.
    public static func settle(
        _ state: inout AppState, effects: [Effect], api: any DashboardAPI, limit: Int = 100_000, stopAtFirstFailure: Bool = false,
        audit: AuditTrail? = nil
    ) async {
        let runner = EffectRunner(api: api, audit: audit)
        var themes = ThemeRing(themes: [])
        var queue = effects
        var steps = 0
        while !queue.isEmpty, steps < limit {
            let effect = queue.removeFirst()
            steps += 1
            switch runner.plan(effect, themes: &themes) {
            case .none, .screen(_, then: nil):
                continue
            case .screen(_, then: let event?):
                queue += state.apply(event)
            case .call(let call):
                let event = await call()
                queue += state.apply(event)
                if stopAtFirstFailure, event.apiFailure != nil { return }
            }
        }
    }
}
