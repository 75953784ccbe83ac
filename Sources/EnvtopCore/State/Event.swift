import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Identifies one page request of one refresh cycle, so late replies can be recognised.
public struct PageRequest: Sendable, Hashable {
    public var environmentID: String
    public var index: Int
    public var cursor: String?
    public var limit: Int
    /// The refresh cycle that asked for it.
    public var generation: Int
    /// Part of a walk over every page: the page after it will be asked for as soon as it is
    /// merged, so the runner may request that one already (`PageReadAhead`).
    public var readAhead: Bool
    /// The digest of the body last merged for this page: an answer with the same bytes comes
    /// back as `WorkPage.unchanged`, neither decoded nor merged (an idle refresh, mostly).
    public var knownDigest: PageDigest?

    public init(
        environmentID: String, index: Int, cursor: String?, limit: Int, generation: Int, readAhead: Bool = false,
        knownDigest: PageDigest? = nil
    ) {
        self.environmentID = environmentID
        self.index = index
        self.cursor = cursor
        self.limit = limit
        self.generation = generation
        self.readAhead = readAhead
        self.knownDigest = knownDigest
    }
}

/// Everything that can happen to the dashboard. One loop feeds these to `AppState.apply(_:)`.
public enum Event: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// Text the terminal delivered as a bracketed paste: text for the focused field, never keys.
    case paste(String)
    case resize(Size)
    /// The clock: sent about once a second, and whenever a refresh may be due.
    case tick(Date)
    case statsLoaded(environmentID: String, generation: Int, Result<QueueStats, APIError>, latency: Double, at: Date)
    case pageLoaded(PageRequest, Result<WorkPage, APIError>, at: Date)
    /// The re-check of a stop target when its dialog opened.
    case itemChecked(environmentID: String, workID: String, Result<WorkItem, APIError>, at: Date)
    case stopFinished(environmentID: String, workID: String, mode: StopMode, Result<WorkItem, APIError>, at: Date)
    /// The re-read of an item whose stop got no clear answer (`Effect.verifyStop`).
    case stopVerified(environmentID: String, workID: String, mode: StopMode, Result<WorkItem, APIError>, at: Date)
    /// The answer to `Effect.updateMetadata`.
    case metadataUpdated(environmentID: String, workID: String, Result<WorkItem, APIError>, at: Date)
    /// The app switched theme (after `Effect.cycleTheme`).
    case themeChanged(String)
    /// A signal (SIGTERM, SIGHUP...) asked the program to end.
    case quitRequested
}
