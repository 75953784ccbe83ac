import EnvtopModels

/// What the app must do after an event: I/O the pure core cannot do itself.
public enum Effect: Sendable, Equatable {
    case fetchStats(environmentID: String, generation: Int)
    case fetchPage(PageRequest)
    case fetchItem(environmentID: String, workID: String)
    /// Sent once, never retried: the client does not retry a stop, and the reducer sends no
    /// second stop for an item while one is in flight.
    case stop(environmentID: String, workID: String, mode: StopMode, batch: BatchTag? = nil, note: StopNote? = nil)
    /// Reads an item whose stop got no clear answer (a timeout, a lost connection, a 5xx), to
    /// report what the server now says instead of sending the stop again.
    case verifyStop(environmentID: String, workID: String, mode: StopMode)
    /// Sent once, never retried (`WorkCall.isRetryable`); audited with its patch.
    case updateMetadata(environmentID: String, workID: String, patch: MetadataPatch)
    case cycleTheme
    /// Puts text on the system clipboard (an OSC 52 sequence to the terminal).
    case copy(String)
    /// A `.tick` after this many seconds: the pace of a batch of stops.
    case wake(after: Double)
    /// The terminal bell: a runbook rule started failing (reaches the operator through tmux and SSH).
    case bell
    case forceRepaint
    case quit
}
