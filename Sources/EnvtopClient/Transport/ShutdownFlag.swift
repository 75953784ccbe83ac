import Synchronization

/// Remembers, thread-safely, that the client was shut down, so it happens exactly once.
final class ShutdownFlag: Sendable {
    private let done = Atomic<Bool>(false)

    /// True for the first caller only.
    func claim() -> Bool {
        !done.exchange(true, ordering: .acquiringAndReleasing)
    }
}
