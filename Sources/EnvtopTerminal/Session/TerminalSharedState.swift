import EnvtopCore
import EnvtopUI

/// What the app's threads and the terminal thread share, always under one lock.
///
/// The app side only queues commands and pokes the wake pipe; the terminal thread takes the whole
/// queue in one go, so a burst of frames costs one paint.
struct TerminalSharedState {
    enum Phase: Sendable, Equatable {
        case idle, starting, running, stopped
    }

    var phase: Phase = .idle
    var size: Size
    /// Commands sent and not yet carried out, oldest first.
    var queue = TerminalCommandQueue()
    /// `stop` was sent: `start()` refuses, and later commands are dropped.
    var stopRequested = false
    /// A wake byte is in the pipe and not yet consumed: no need to write another.
    var wakePending = false
    var colorDepth: ColorDepth?
    var statistics = PaintStatistics()

    /// Queues a command from the app. Returns true when the caller must write a wake byte.
    mutating func enqueue(_ command: TerminalCommand) -> Bool {
        guard !stopRequested, phase != .stopped else { return false }
        if case .stop = command { stopRequested = true }
        if queue.append(command) { statistics.coalesced += 1 }
        return markWake()
    }

    /// Takes every queued command, oldest first, for the terminal thread.
    mutating func takeCommands() -> [TerminalCommand] {
        wakePending = false
        let commands = queue.drain()
        statistics.presented += commands.count(where: \.isPresent)
        return commands
    }

    /// Notes that a wake byte is due; true when the caller must write it (none pending yet).
    mutating func markWake() -> Bool {
        guard phase == .running || phase == .starting else { return false }
        if wakePending { return false }
        wakePending = true
        return true
    }
}
