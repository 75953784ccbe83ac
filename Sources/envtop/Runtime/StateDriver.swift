import EnvtopCore
import EnvtopModels
import Foundation

/// Runs effects to completion one after another, feeding each answer back into the state.
///
/// `--once` uses it to load the stats and every page before printing, through the same reducer
/// and the same client calls as the live dashboard.
enum StateDriver {
    static func settle(_ state: inout AppState, effects: [Effect], runner: EffectRunner, limit: Int = 100_000) async {
        var queue = effects
        var steps = 0
        while !queue.isEmpty, steps < limit {
            let effect = queue.removeFirst()
            steps += 1
            if let event = await runner.perform(effect) {
                queue += state.apply(event)
            }
        }
    }
}
