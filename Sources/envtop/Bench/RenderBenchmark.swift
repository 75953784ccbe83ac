import EnvtopCore
import EnvtopUI
import EnvtopModels
import EnvtopTerminal
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Measures the pure core at scale: an `AppState` loaded with synthetic items through the real
/// reducer events, then the cost of a frame, of the diff a clock tick leaves, of a key, of a
/// steady-state refresh and of a search. No terminal and no network, so the numbers are the
/// dashboard's own work, not ncurses' or the API's.
struct RenderBenchmark {
    /// One per environment; several make the merged view.
    let works: [SyntheticWork]
    var work: SyntheticWork { works[0] }
    let size: Size
    let frames: Int
    let query: String

    struct Report: Encodable {
        var items: Int
        var width: Int
        var height: Int
        var pageSize: Int
        /// The first load: every page through `.pageLoaded`, as the dashboard walks the list.
        var loadMs: Double
        var loadRequests: Int
        /// One steady-state refresh cycle (stats and the planned pages) through the reducer.
        var refreshCycle: Timings
        var requestsPerRefresh: Double
        var pagesPerRefresh: [Int]
        /// `DashboardView.render` of the loaded state.
        var frame: Timings
        /// The paint plan (what reaches curses) after one second of clock and nothing else.
        var diffAfterTick: Timings
        var glyphsChangedByTick: Int
        /// A down arrow: the reducer plus the frame it leads to.
        var keyDown: Timings
        var search: SearchReport
        /// Peak resident memory of this process (items, store, indexes) in MiB.
        var peakRssMib: Double
    }

    struct SearchReport: Encodable {
        var query: String
        /// One keystroke each: the reducer recomputes the visible list for every character.
        var perKeystrokeMs: [Double]
        var keystroke: Timings
        /// The whole query typed, one event per character, plus the frame after it.
        var totalMs: Double
        var matches: Int
        /// Esc: the full list back.
        var clearMs: Double
    }

    func run() -> Report {
        let start = Date()
        var state = AppState(
            options: options,
            size: size, now: start)
        _ = state.apply(.resize(size))

        var loadRequests = 0
        let loadMs = Stopwatch.milliseconds {
            loadRequests = serve(state.apply(.tick(start)), into: &state, at: start)
        }

        // Steady-state refresh cycles, one a second apart.
        var now = start
        var cycleTimes: [Double] = []
        var requestCounts: [Int] = []
        var pagesPerCycle: [Int] = []
        for _ in 0..<7 {
            now = now.addingTimeInterval(1.5)
            var count = 0
            let moment = now
            cycleTimes.append(Stopwatch.milliseconds { count = serve(state.apply(.tick(moment)), into: &state, at: moment) })
            requestCounts.append(count)
            pagesPerCycle.append(count - 1)
        }

        var frameTimes: [Double] = []
        var screen = DashboardView.render(state)
        for _ in 0..<frames {
            frameTimes.append(Stopwatch.milliseconds { screen = DashboardView.render(state) })
        }

        // A clock tick that starts no refresh: the frame changes only where time shows.
        var diffTimes: [Double] = []
        var changed = 0
        var ticking = state
        _ = ticking.apply(.key(.character("p")))  // paused: no refresh, only the clock moves
        for second in 1...max(1, frames / 4) {
            _ = ticking.apply(.tick(now.addingTimeInterval(Double(second))))
            let next = DashboardView.render(ticking)
            let previous = screen
            var plan: PaintPlan?
            diffTimes.append(Stopwatch.milliseconds { plan = PaintPlan(previous: previous, next: next, visible: size) })
            changed = plan?.glyphCount ?? 0
            screen = next
        }

        var keyTimes: [Double] = []
        var moving = state
        for _ in 0..<frames {
            keyTimes.append(Stopwatch.milliseconds {
                _ = moving.apply(.key(.down))
                _ = DashboardView.render(moving)
            })
        }

        return Report(
            items: works.reduce(0) { $0 + $1.items.count }, width: size.width, height: size.height, pageSize: work.pageSize,
            loadMs: loadMs, loadRequests: loadRequests, refreshCycle: Timings(cycleTimes),
            requestsPerRefresh: Timings.median(requestCounts.map(Double.init).sorted()), pagesPerRefresh: pagesPerCycle,
            frame: Timings(frameTimes), diffAfterTick: Timings(diffTimes), glyphsChangedByTick: changed,
            keyDown: Timings(keyTimes), search: search(state), peakRssMib: Self.peakResidentMiB())
    }

    /// Types the query into the search line one character at a time, as an operator would.
    func search(_ loaded: AppState) -> SearchReport {
        var state = loaded
        _ = state.apply(.key(.character("/")))
        var perKey: [Double] = []
        let totalMs = Stopwatch.milliseconds {
            for character in query {
                perKey.append(Stopwatch.milliseconds { _ = state.apply(.key(.character(character))) })
            }
            _ = DashboardView.render(state)
        }
        let matches = state.visible.count
        let clearMs = Stopwatch.milliseconds { _ = state.apply(.key(.escape)) }
        return SearchReport(
            query: query, perKeystrokeMs: perKey, keystroke: Timings(perKey), totalMs: totalMs, matches: matches,
            clearMs: clearMs)
    }

    /// Answers the effects (and those their answers lead to) from the synthetic pages, as the
    /// effect runner would from the API. Returns how many API requests that took.
    func serve(_ effects: [Effect], into state: inout AppState, at moment: Date) -> Int {
        var queue = effects[...]
        var requests = 0
        while let effect = queue.popFirst() {
            let event: Event
            switch effect {
            case .fetchStats(let env, let generation):
                event = .statsLoaded(environmentID: env, generation: generation, .success(work(env).stats), latency: 0.001, at: moment)
            case .fetchPage(let request):
                let page = work(request.environmentID).page(request.index, known: request.knownDigest)
                event = .pageLoaded(request, .success(page), at: moment)
            default:
                continue
            }
            requests += 1
            queue.append(contentsOf: state.apply(event))
        }
        return requests
    }

    /// The state's options: every synthetic environment, a 1 s refresh.
    var options: AppState.Options {
        AppState.Options(
            environments: works.map { WatchedEnvironment(id: $0.environmentID) }, refreshInterval: 1, pageSize: work.pageSize)
    }

    func work(_ environmentID: String) -> SyntheticWork {
        works.first { $0.environmentID == environmentID } ?? work
    }

    /// VmHWM from /proc/self/status, in MiB (0 where there is no /proc).
    static func peakResidentMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kib = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kib / 1024
        }
        return 0
    }
}
