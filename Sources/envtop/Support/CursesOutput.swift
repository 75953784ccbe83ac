import EnvtopCore
import EnvtopUI
import EnvtopRuntime
import EnvtopTerminal

/// `CursesTerminal` as the runtime's screen: the runtime never imports the curses target.
struct CursesOutput: TerminalOutput {
    let terminal: CursesTerminal

    var size: Size { terminal.size }

    func send(_ command: TerminalCommand) {
        terminal.send(command)
    }
}

extension RuntimeInput {
    /// The terminal's input in the runtime's words (the same cases, one for one).
    init(_ input: TerminalInput) {
        switch input {
        case .key(let key): self = .key(key)
        case .mouse(let mouse): self = .mouse(mouse)
        case .paste(let text): self = .paste(text)
        case .resize(let size): self = .resize(size)
        case .signal(let number): self = .signal(number)
        }
    }
}
