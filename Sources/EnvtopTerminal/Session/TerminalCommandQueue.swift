import EnvtopCore
import EnvtopUI

/// The commands the app queued for the terminal thread, kept in the order they were sent.
///
/// A new frame replaces a frame still waiting (it moves to the end, after everything sent before
/// it), so an app that presents faster than the terminal paints costs one paint, while writes,
/// bells and theme changes are never lost or reordered.
struct TerminalCommandQueue: Sendable {
    private(set) var commands: [TerminalCommand] = []

    /// Adds `command` at the end; returns true when it replaced a frame not yet painted.
    @discardableResult
    mutating func append(_ command: TerminalCommand) -> Bool {
        var replaced = false
        if command.isPresent, let waiting = commands.firstIndex(where: \.isPresent) {
            commands.remove(at: waiting)
            replaced = true
        }
        commands.append(command)
        return replaced
    }

    /// Everything queued, oldest first; the queue is empty afterwards.
    mutating func drain() -> [TerminalCommand] {
        defer { commands.removeAll(keepingCapacity: true) }
        return commands
    }

    /// The theme asked for last, so a terminal started after `setTheme` starts in it.
    var latestTheme: Theme? {
        for command in commands.reversed() {
            if case .setTheme(let theme) = command { return theme }
        }
        return nil
    }
}

extension TerminalCommand {
    var isPresent: Bool {
        if case .present = self { return true }
        return false
    }
}
