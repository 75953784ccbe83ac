import EnvtopModels
import Foundation

extension AppState {
    /// Opens the confirmation for the selected item, pinned to its id, and asks the API for a fresh
    /// copy so the dialog can say if it changed. Never for an item already stopped, gone, or with
    /// a stop on its way.
    mutating func openStopDialog(_ mode: StopMode) -> [Effect] {
        if options.readOnly {
            show(.readOnly)
            return []
        }
        guard let item = selectedItem else {
            show(.nothingSelected)
            return []
        }
        if let refusal = stopRefusal(item.id) {
            show(.stopNotAllowed(workID: item.id, refusal, sent: false))
            return []
        }
        overlay = .stopDialog(StopDialog(mode: mode, target: item))
        return [.fetchItem(environmentID: options.environmentID, workID: item.id)]
    }

    /// Why no stop may be sent for an item now, if none may.
    func stopRefusal(_ workID: String) -> StopRefusal? {
        if let mode = stopsInFlight[workID] { return .inFlight(mode) }
        guard let item = feed.store[workID] else { return .gone }
        if item.state == .stopped { return .alreadyStopped }
        return nil
    }

    mutating func cancelStop() -> [Effect] {
        overlay = nil
        show(.stopCancelled)
        return []
    }

    /// Sends the stop, once: the item is marked in flight until its answer (or the re-read of an
    /// unclear answer) arrives, and no key sequence can send another meanwhile.
    mutating func confirmStop(_ dialog: StopDialog) -> [Effect] {
        overlay = nil
        if let refusal = dialog.current.state == .stopped ? .alreadyStopped : stopRefusal(dialog.workID) {
            show(.stopNotAllowed(workID: dialog.workID, refusal, sent: true))
            return []
        }
        stopsInFlight[dialog.workID] = dialog.mode
        show(.stopRequested(workID: dialog.workID, dialog.mode))
        return [.stop(environmentID: options.environmentID, workID: dialog.workID, mode: dialog.mode)]
    }

    mutating func itemChecked(env: String, workID: String, result: Result<WorkItem, APIError>, at: Date) {
        guard env == options.environmentID else { return }
        now = max(now, at)
        switch result {
        case .success(let item):
            feed.store.update(item)
            if case .stopDialog(var dialog) = overlay, dialog.workID == workID {
                dialog.current = item
                dialog.verified = true
                overlay = .stopDialog(dialog)
            }
        case .failure(let error) where error.status == 404:
            forget(workID)
            if case .stopDialog(let dialog) = overlay, dialog.workID == workID {
                overlay = nil
                show(.itemGone(workID: workID, stopSent: false))
            }
        case .failure:
            // The dialog keeps the copy from the list; the stop itself will report any error.
            break
        }
    }

    mutating func stopFinished(
        env: String, workID: String, mode: StopMode, result: Result<WorkItem, APIError>, at: Date
    ) -> [Effect] {
        now = max(now, at)
        guard env == options.environmentID else { return [] }
        switch result {
        case .success(let item):
            stopsInFlight[workID] = nil
            feed.store.update(item)
            recomputeList()
            show(.stopAnswered(workID: workID, mode, item.state))
        case .failure(let error) where Self.outcomeUnknown(error):
            // The stop may or may not have reached the server: ask what it says now, and keep
            // the item in flight meanwhile, rather than sending it again.
            show(.stopUnclear(workID: workID, error))
            return [.verifyStop(environmentID: env, workID: workID, mode: mode)]
        case .failure(let error):
            stopsInFlight[workID] = nil
            switch error.status {
            case 409:
                show(.alreadyStopped(workID: workID))
            case 404:
                // Nothing left to refresh for: the row goes now, and the notice stays readable.
                forget(workID)
                show(.itemGone(workID: workID, stopSent: true))
                return []
            default:
                show(.stopRefused(workID: workID, error))
            }
        }
        return requestRefresh()
    }

    /// Reports what the server says after a stop without a clear answer.
    mutating func stopVerified(
        env: String, workID: String, mode: StopMode, result: Result<WorkItem, APIError>, at: Date
    ) -> [Effect] {
        now = max(now, at)
        guard env == options.environmentID else { return [] }
        stopsInFlight[workID] = nil
        switch result {
        case .success(let item):
            feed.store.update(item)
            recomputeList()
            show(.stopVerified(workID: workID, mode, item.state))
        case .failure(let error) where error.status == 404:
            forget(workID)
            show(.itemGone(workID: workID, stopSent: true))
        case .failure(let error):
            show(.stopUnverifiable(workID: workID, error))
        }
        return requestRefresh()
    }

    /// Forgets an item the API answered 404 for: no longer listed or counted.
    mutating func forget(_ workID: String) {
        feed.forget(workID)
        recomputeList()
    }

    /// A failure after which the stop may have been carried out: a timeout, a lost connection,
    /// a server error. A 4xx is a clear refusal.
    static func outcomeUnknown(_ error: APIError) -> Bool {
        switch error {
        case .timedOut, .transport, .decoding: return true
        default: return (error.status ?? 0) >= 500
        }
    }
}
