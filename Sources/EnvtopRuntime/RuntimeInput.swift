import EnvtopCore
import EnvtopUI

/// What the screen reports to the runtime, in arrival order, without the terminal's own types.
public enum RuntimeInput: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
    /// A bracketed paste, whole: text, never keys.
    case paste(String)
    case resize(Size)
    /// A quit signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) arrived while the screen was up.
    case signal(Int32)
}

extension RuntimeInput {
    /// The event the state sees: input as it is, and a signal as a request to quit.
    var event: Event {
        switch self {
        case .key(let key): .key(key)
        case .mouse(let mouse): .mouse(mouse)
        case .paste(let text): .paste(text)
        case .resize(let size): .resize(size)
        case .signal: .quitRequested
        }
    }
}
