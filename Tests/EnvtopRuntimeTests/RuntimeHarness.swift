import EnvtopCore
import EnvtopUI
import EnvtopModels
import EnvtopRuntime
import EnvtopTesting
import Foundation
import Logging

/// A `DashboardRuntime` on a `FakeDashboardAPI` and a `RecordingTerminal`, running in a task.
///
/// The refresh interval is long, so every refresh cycle after the first is one the test asks for
/// (`r`): no test depends on the clock.
struct RuntimeHarness {
    let api: FakeDashboardAPI
    let screen = RecordingTerminal()
    let input: AsyncStream<RuntimeInput>.Continuation
    let run: Task<Void, Never>

    init(
        api: FakeDashboardAPI, environments: [String] = [FakeWork.environmentID], refresh: Double = 3600,
        themes: [Theme] = [.default, .monochrome]
    ) {
        self.api = api
        let (stream, input) = AsyncStream<RuntimeInput>.makeStream(bufferingPolicy: .unbounded)
        self.input = input
        let runtime = DashboardRuntime(
            api: api, terminal: screen, themes: ThemeRing(themes: themes),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let options = AppState.Options(
            environments: environments.map { WatchedEnvironment(id: $0) }, refreshInterval: refresh)
        let state = AppState(options: options, size: screen.size, now: Date())
        run = Task { await runtime.run(state, input: stream) }
    }

    /// Types each character as a key, in order.
    func type(_ keys: String) {
        for key in keys { input.yield(.key(.character(key))) }
    }

    /// The first frame after the first `skipping` whose text holds every one of `texts`. Patient
    /// (10 s): when every suite starts at once on two cores, a frame due in 0.5 s can take
    /// seconds; a passing wait still returns as soon as the frame is there.
    func frame(skipping: Int = 0, showing texts: String...) async -> Screen? {
        await screen.frame(skipping: skipping, within: .seconds(10)) { frame in
            let text = frame.text
            return texts.allSatisfy { text.contains($0) }
        }
    }

    /// Ends the input (the runtime quits), waits for the run to return, and lets every call the
    /// fake still holds answer, so nothing outlives the test.
    func finish() async {
        input.finish()
        await run.value
        await api.releaseAll()
    }
}
