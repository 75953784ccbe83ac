import EnvtopCore
import EnvtopUI

/// What the runtime does for one effect, as decided by `EffectRunner.plan(_:themes:)`.
public enum EffectPlan: Sendable {
    /// Nothing more: the state already did what the effect says (quit).
    case none
    /// A command for the screen, then the event that tells the state about it, if any.
    case screen(TerminalCommand, then: Event?)
    /// An API call, to run off the loop (keys never wait on it); its outcome is an event.
    case call(@Sendable () async -> Event)
}
