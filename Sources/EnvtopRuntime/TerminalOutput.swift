import EnvtopCore
import EnvtopUI

/// The screen as the runtime sees it: a size and a queue of commands.
///
/// The runtime never imports the curses target: the executable adapts `CursesTerminal` to this,
/// and tests record the commands instead of painting them.
public protocol TerminalOutput: Sendable {
    /// The size in cells now. Read once at start; later sizes arrive as `RuntimeInput.resize`.
    var size: Size { get }
    /// Queues `command` and returns at once: the screen carries commands out in the order sent.
    func send(_ command: TerminalCommand)
}
