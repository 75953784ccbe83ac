/// How to stop a work item.
public enum StopMode: String, Sendable, Hashable, CaseIterable {
    /// Marks the item `stopping`; a live worker notices on its next heartbeat and finishes it.
    case graceful
    /// Marks the item `stopped` at once, whether or not a worker is still behind it.
    case force

    public var isForce: Bool { self == .force }
}
