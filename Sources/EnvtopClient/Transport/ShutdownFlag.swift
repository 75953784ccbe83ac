import Foundation

/// Remembers, thread-safely, that the client was shut down, so it happens exactly once.
final class ShutdownFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false

    /// True for the first caller only.
    func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if done { return false }
        done = true
        return true
    }
}
