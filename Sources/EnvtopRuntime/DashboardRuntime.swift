import EnvtopClient
import EnvtopCore
import EnvtopUI
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging

/// The live dashboard: one loop owns the state; input, ticks and API answers arrive as events.
///
/// Keys never wait on the network: API calls run in their own tasks and report back through the
/// inbox, so a slow or dead API only ever delays data, never the screen's answer to a key.
///
/// Frames follow `FrameSchedule`: a key draws at once; a refresh cycle's tick and replies draw
/// as one frame when its last reply lands (or 100 ms after its first change, if the API is slow).
///
/// It knows no terminal library: frames, themes and repaints leave through `TerminalOutput`, and
/// input arrives as `RuntimeInput`, so tests drive it with a fake API and a recording screen.
public struct DashboardRuntime: Sendable {
    /// What reaches the loop: an event for the state, or the schedule's timer.
    enum Message: Sendable {
        case event(Event)
        /// A frame that waited for the rest of its refresh cycle is due.
        case frameDue
    }

    let runner: EffectRunner
    let terminal: any TerminalOutput
    /// The themes at start; the loop moves its own copy.
    let startingThemes: ThemeRing
    let logger: Logger

    /// - Parameter themes: the themes `t` cycles through, starting at the one the screen shows.
    public init(api: any DashboardAPI, terminal: any TerminalOutput, themes: ThemeRing, logger: Logger, audit: AuditTrail? = nil) {
        self.runner = EffectRunner(api: api, audit: audit)
        self.terminal = terminal
        self.startingThemes = themes
        self.logger = logger
    }

    /// Runs until the operator quits, a signal arrives, or `input` ends.
    public func run(_ initial: AppState, input: AsyncStream<RuntimeInput>) async {
        let (inbox, post) = AsyncStream<Message>.makeStream(bufferingPolicy: .unbounded)
        var state = initial
        var themes = startingThemes
        let feeder = forward(input, to: post)
        let ticker = startTicker(interval: min(1.0, state.options.refreshInterval), post: post)
        var timer: Task<Void, Never>?
        defer {
            feeder.cancel()
            ticker.cancel()
            timer?.cancel()
            post.finish()
        }
        perform(state.apply(.resize(terminal.size)), state: &state, themes: &themes, post: post)
        perform(state.apply(.tick(Date())), state: &state, themes: &themes, post: post)
        terminal.send(.present(DashboardView.render(state)))
        var schedule = FrameSchedule()
        loop: for await message in inbox {
            switch message {
            case .event(let event):
                perform(state.apply(event), state: &state, themes: &themes, post: post)
                if state.isQuitting { break loop }
                if case .wait(let deadline) = schedule.decide(after: event, state: state, now: .now) {
                    if timer == nil { timer = startFrameTimer(until: deadline, post: post) }
                    continue
                }
            case .frameDue:
                // Stale (a frame was drawn since that timer was armed) or early: wait on.
                guard let deadline = schedule.deadline else { continue }
                if !schedule.isDue(at: .now) {
                    timer?.cancel()
                    timer = startFrameTimer(until: deadline, post: post)
                    continue
                }
            }
            timer?.cancel()
            timer = nil
            schedule.drawn()
            terminal.send(.present(DashboardView.render(state)))
        }
        logger.info("dashboard quit")
    }

    /// Carries out what the state asked for: screen commands at once, each API call in its own
    /// task whose answer comes back through the inbox.
    private func perform(
        _ effects: [Effect], state: inout AppState, themes: inout ThemeRing,
        post: AsyncStream<Message>.Continuation
    ) {
        for effect in effects {
            switch runner.plan(effect, themes: &themes) {
            case .none:
                continue
            case .screen(let command, let event):
                terminal.send(command)
                if let event { perform(state.apply(event), state: &state, themes: &themes, post: post) }
            case .call(let call):
                let logger = self.logger
                Task {
                    let event = await call()
                    if let failure = event.apiFailure {
                        logger.warning("API call failed: \(failure)", metadata: ["call": "\(effect.logName)"])
                    }
                    post.yield(.event(event))
                }
            }
        }
    }

    /// Turns the screen's input into events; the end of input asks to quit, like a signal.
    private func forward(
        _ input: AsyncStream<RuntimeInput>, to post: AsyncStream<Message>.Continuation
    ) -> Task<Void, Never> {
        let logger = self.logger
        return Task {
            for await item in input {
                if case .signal(let number) = item { logger.info("signal \(number): quitting") }
                post.yield(.event(item.event))
            }
            if !Task.isCancelled { post.yield(.event(.quitRequested)) }
        }
    }

    /// Posts `.frameDue` at `deadline`, unless cancelled first.
    private func startFrameTimer(
        until deadline: ContinuousClock.Instant, post: AsyncStream<Message>.Continuation
    ) -> Task<Void, Never> {
        Task {
            do {
                try await Task.sleep(until: deadline, clock: .continuous)
            } catch {
                return
            }
            post.yield(.frameDue)
        }
    }

    /// Posts `.tick(now)` every `interval` seconds, so ages move and refreshes come due.
    private func startTicker(interval: Double, post: AsyncStream<Message>.Continuation) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(Int(interval * 1000)))
                post.yield(.event(.tick(Date())))
            }
        }
    }
}
