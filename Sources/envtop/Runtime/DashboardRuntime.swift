import EnvtopClient
import EnvtopCore
import EnvtopModels
import EnvtopTerminal
import Foundation
import Logging

/// The live dashboard: one loop owns the state; keys, ticks and API answers arrive as events.
///
/// Keys never wait on the network: API calls run in their own tasks and report back through the
/// inbox, so a slow or dead API only ever delays data, never the screen's answer to a key.
///
/// Frames follow `FrameSchedule`: a key draws at once; a refresh cycle's tick and replies draw
/// as one frame when its last reply lands (or 100 ms after its first change, if the API is slow).
struct DashboardRuntime: Sendable {
    /// What reaches the loop: an event for the state, or the schedule's timer.
    enum Message: Sendable {
        case event(Event)
        /// A frame that waited for the rest of its refresh cycle is due.
        case frameDue
    }

    let runner: EffectRunner
    let terminal: CursesTerminal
    let themes: ThemeCycle
    let logger: Logger
    let inbox: AsyncStream<Message>
    let post: AsyncStream<Message>.Continuation

    init(
        api: any DashboardAPI, terminal: CursesTerminal, themes: ThemeCycle, logger: Logger,
        inbox: (AsyncStream<Message>, AsyncStream<Message>.Continuation)
    ) {
        self.runner = EffectRunner(api: api)
        self.terminal = terminal
        self.themes = themes
        self.logger = logger
        (self.inbox, self.post) = inbox
    }

    /// Runs until the operator quits or a signal arrives.
    func run(_ initial: AppState) async {
        var state = initial
        let ticker = startTicker(interval: min(1.0, state.options.refreshInterval))
        defer { ticker.cancel() }
        perform(state.apply(.resize(terminal.size)), state: &state)
        perform(state.apply(.tick(Date())), state: &state)
        terminal.present(DashboardView.render(state))
        var schedule = FrameSchedule()
        var timer: Task<Void, Never>?
        defer { timer?.cancel() }
        loop: for await message in inbox {
            switch message {
            case .event(let event):
                perform(state.apply(event), state: &state)
                if state.isQuitting { break loop }
                if case .wait(let deadline) = schedule.decide(after: event, state: state, now: .now) {
                    if timer == nil { timer = startFrameTimer(until: deadline) }
                    continue
                }
            case .frameDue:
                // Stale (a frame was drawn since that timer was armed) or early: wait on.
                guard let deadline = schedule.deadline else { continue }
                if !schedule.isDue(at: .now) {
                    timer?.cancel()
                    timer = startFrameTimer(until: deadline)
                    continue
                }
            }
            timer?.cancel()
            timer = nil
            schedule.drawn()
            terminal.present(DashboardView.render(state))
        }
        logger.info("dashboard quit")
    }

    /// Posts `.frameDue` at `deadline`, unless cancelled first.
    private func startFrameTimer(until deadline: ContinuousClock.Instant) -> Task<Void, Never> {
        let post = self.post
        return Task {
            do {
                try await Task.sleep(until: deadline, clock: .continuous)
            } catch {
                return
            }
            post.yield(.frameDue)
        }
    }

    /// Starts the I/O the state asked for, each API call in its own task.
    private func perform(_ effects: [Effect], state: inout AppState) {
        for effect in effects {
            switch effect {
            case .quit:
                continue
            case .forceRepaint:
                terminal.forceFullRepaint()
            case .cycleTheme:
                let theme = themes.next()
                terminal.setTheme(theme)
                perform(state.apply(.themeChanged(theme.name)), state: &state)
            default:
                let runner = self.runner
                let post = self.post
                let logger = self.logger
                Task {
                    guard let event = await runner.perform(effect) else { return }
                    if let failure = event.apiFailure {
                        logger.warning("API call failed: \(failure)", metadata: ["call": "\(effect.logName)"])
                    }
                    post.yield(.event(event))
                }
            }
        }
    }

    private func startTicker(interval: Double) -> Task<Void, Never> {
        let post = self.post
        return Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(Int(interval * 1000)))
                post.yield(.event(.tick(Date())))
            }
        }
    }
}

extension Event {
    /// The API error this event reports, if it reports one.
    var apiFailure: APIError? {
        switch self {
        case .statsLoaded(_, _, .failure(let e), _, _): e
        case .pageLoaded(_, .failure(let e), _): e
        case .itemChecked(_, _, .failure(let e), _): e
        case .stopFinished(_, _, _, .failure(let e), _): e
        case .stopVerified(_, _, _, .failure(let e), _): e
        default: nil
        }
    }
}

extension Effect {
    /// A short name for the log: the call and its target, never a credential.
    var logName: String {
        switch self {
        case .fetchStats(let env, _): "stats \(env)"
        case .fetchPage(let r): "list \(r.environmentID) page \(r.index)"
        case .fetchItem(let env, let id): "get \(env)/\(id)"
        case .stop(let env, let id, let mode): "stop(\(mode.rawValue)) \(env)/\(id)"
        case .verifyStop(let env, let id, _): "get \(env)/\(id) after an unclear stop"
        case .cycleTheme: "theme"
        case .forceRepaint: "repaint"
        case .quit: "quit"
        }
    }
}
