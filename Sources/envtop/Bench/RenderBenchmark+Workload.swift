import ArgumentParser
import EnvtopCore
import EnvtopUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Single workloads for instruction counts (`scripts/bench/instructions.sh`): callgrind counts
/// the whole process, so each workload is the load plus one piece of work, and the piece's
/// count is the difference from `load` alone. The clock is fixed, so every run does the same.
extension RenderBenchmark {
    enum Workload: String, ExpressibleByArgument, CaseIterable {
        case load, refresh, frames, search
    }

    func run(_ workload: Workload) {
        let start = work.now
        var state = AppState(
            options: options,
            size: size, now: start)
        _ = state.apply(.resize(size))
        _ = serve(state.apply(.tick(start)), into: &state, at: start)
        switch workload {
        case .load:
            break
        case .refresh:
            for cycle in 1...frames {
                let moment = start.addingTimeInterval(1.5 * Double(cycle))
                _ = serve(state.apply(.tick(moment)), into: &state, at: moment)
            }
        case .frames:
            var cells = 0
            for _ in 0..<frames { cells &+= DashboardView.render(state).cells.count }
            if cells == -1 { print(cells) }  // keeps the frames from being optimised away
        case .search:
            _ = state.apply(.key(.character("/")))
            _ = state.apply(.key(.character(query.first ?? "w")))
        }
    }
}
