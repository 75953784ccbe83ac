import EnvtopModels

/// What the reducer tells the operator, as typed values: the words are chosen in one place
/// (`NoticeWording`, with key names from the key map), and the same values are what an audit
/// log can record. Every notice names the item it is about, if any.
public enum Notice: Sendable, Equatable {
    // Stops
    case readOnly
    case nothingSelected
    /// A stop was not opened or not sent, and why.
    case stopNotAllowed(workID: String, StopRefusal, sent: Bool)
    case forceNeedsConfirmKey(workID: String)
    /// A production force stop waits for the environment's label to be typed exactly.
    case typeToConfirm(workID: String, label: String)
    /// A production force stop waits for a reason.
    case reasonRequired(workID: String)
    /// The switcher showed one environment, or all of them.
    case scopeChanged(EnvironmentScope, label: String, matches: Int)
    case stopCancelled
    case stopRequested(workID: String, StopMode)
    /// The API answered the stop: the item is now in `state`.
    case stopAnswered(workID: String, StopMode, WorkState)
    case alreadyStopped(workID: String)
    case stopRefused(workID: String, APIError)
    /// The stop got no clear answer; the item is being re-read.
    case stopUnclear(workID: String, APIError)
    /// The re-read after an unclear answer: the stop arrived (the item is stopping or stopped) or not.
    case stopVerified(workID: String, StopMode, WorkState)
    case stopUnverifiable(workID: String, APIError)
    /// The API answered 404 for the item: it was removed from the list.
    case itemGone(workID: String, stopSent: Bool)
    // Data
    case dataChanged(gone: Int, of: Int)
    /// The `next_page` of page `page` (1-based) pointed back at an earlier page: the walk stopped there.
    case paginationRepeats(page: Int, items: Int)
    /// Items of a page that are not work items (`WorkPage.unreadable`): left out, the rest shown.
    case unreadableItems(count: Int, page: Int, environment: String, first: String)
    // Keys and input
    case refreshing(paused: Bool)
    case paused(Bool)
    case sorted(SortOrder)
    case history(Bool)
    case marked(count: Int)
    /// The profile of the environment does not allow the action (`allow:`).
    case notAllowed(action: String, environment: String)
    /// A graceful stop asked this run ended.
    case followedStopped(workID: String, after: Double)
    /// A graceful stop asked this run is still `stopping` past the drain deadline.
    case followedOverdue(workID: String, after: Double, forceAllowed: Bool = true)
    /// Sent to the clipboard: what, and how many bytes.
    case copied(what: String, bytes: Int)
    case marksCleared(Int)
    /// No item of the batch can be stopped (all stopped, gone or in flight).
    case nothingToStop(origin: String)
    case batchStarted(mode: StopMode, count: Int, skipped: Int)
    case batchCancelled(sent: Int, of: Int)
    case batchFinished(BatchSummary)
    /// The API took a metadata patch of `changes` keys.
    case metadataUpdated(workID: String, changes: Int)
    /// The API refused a metadata patch; the editor keeps the draft.
    case metadataRefused(workID: String, APIError)
    /// A key with no meaning where it was pressed.
    case notAKey(String)
    case times(absolute: Bool)
    case filtered(StateFilter, matches: Int)
    /// A saved view was put on the search line.
    case viewShown(name: String, key: String, matches: Int)
    /// A number key with no saved view on it.
    case noView(key: String, count: Int)
    case searchAndFilterCleared
    case themeChanged(String)
    case pasteIgnored
    case pasteCut(limit: Int)

    /// How it is shown: good news, plain information, a warning or an error.
    public var kind: Flash.Kind {
        switch self {
        case .stopAnswered, .stopVerified(_, _, .stopped), .stopVerified(_, _, .stopping): .success
        case .readOnly, .nothingSelected, .forceNeedsConfirmKey, .typeToConfirm, .reasonRequired, .unreadableItems, .itemGone, .dataChanged, .paginationRepeats, .pasteIgnored,
             .pasteCut, .stopUnclear, .stopVerified:
            .warning
        case .stopRefused, .stopUnverifiable: .error
        case .batchFinished(let summary): summary.failed.isEmpty && !summary.cancelled ? .success : .warning
        case .nothingToStop, .batchCancelled, .notAKey, .notAllowed, .noView: .warning
        case .marked, .marksCleared, .batchStarted, .copied: .info
        case .followedStopped, .metadataUpdated: .success
        case .metadataRefused: .error
        case .followedOverdue: .warning
        case .stopNotAllowed, .stopCancelled, .stopRequested, .alreadyStopped, .refreshing, .paused, .sorted, .history, .times,
             .filtered, .viewShown, .searchAndFilterCleared, .themeChanged, .scopeChanged:
            .info
        }
    }
}

/// Why no stop may be sent for an item now.
public enum StopRefusal: Sendable, Equatable {
    case inFlight(StopMode)
    case gone
    case alreadyStopped
}
