import EnvtopModels
import Foundation

extension AppState {
    /// Opens the confirmation for the selected item, pinned to its id, and asks the API for a fresh
    /// copy so the dialog can say if it changed. Never for an item already stopped, gone, or with
    /// a stop on its way.
    mutating func openStopDialog(_ mode: StopMode) -> [Effect] {
        if options.readOnly {
            show("Read-only mode: stopping is disabled (started with --read-only)", .warning)
            return []
        }
        guard let item = selectedItem else {
            show("Nothing selected to stop", .warning)
            return []
        }
        if let reason = stopRefusal(item.id) {
            show(reason, .info)
            return []
        }
        overlay = .stopDialog(StopDialog(mode: mode, target: item))
        return [.fetchItem(environmentID: options.environmentID, workID: item.id)]
    }

    /// Why no stop may be sent for an item now, if none may.
    func stopRefusal(_ workID: String) -> String? {
        if let mode = stopsInFlight[workID] {
            return "A \(mode == .force ? "force stop" : "stop") of \(workID) is already on its way: wait for its answer"
        }
        guard let item = feed.store[workID] else { return "\(workID) is gone from the API: there is nothing to stop" }
        if item.state == .stopped { return "\(workID) is already stopped: nothing to stop" }
        return nil
    }

    mutating func dialogKey(_ action: Action) -> [Effect] {
        guard case .stopDialog(var dialog) = overlay else { return [] }
        switch action {
        case .dialogConfirm:
            return confirmStop(dialog)
        case .dialogActivate:
            if dialog.focused == .cancel { return cancelStop() }
            if dialog.mode == .force {
                show("A force stop needs y: press y to force stop \(dialog.workID), Esc to cancel", .warning)
                return []
            }
            return confirmStop(dialog)
        case .dialogSwitchButton:
            dialog.focused = dialog.focused == .cancel ? .confirm : .cancel
            overlay = .stopDialog(dialog)
            return []
        default:
            return cancelStop()
        }
    }

    mutating func cancelStop() -> [Effect] {
        overlay = nil
        show("Cancelled: nothing was stopped", .info)
        return []
    }

    /// Sends the stop, once: the item is marked in flight until its answer (or the re-read of an
    /// unclear answer) arrives, and no key sequence can send another meanwhile.
    mutating func confirmStop(_ dialog: StopDialog) -> [Effect] {
        overlay = nil
        if dialog.current.state == .stopped {
            show("\(dialog.workID) is already stopped: nothing was sent", .info)
            return []
        }
        if let reason = stopRefusal(dialog.workID) {
            show(reason + ": nothing was sent", .info)
            return []
        }
        stopsInFlight[dialog.workID] = dialog.mode
        let verb = dialog.mode == .force ? "Force stopping" : "Stopping"
        show("\(verb) \(dialog.workID)…", .info)
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
                show("\(workID) no longer exists (404): removed from the list, nothing was sent", .warning)
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
            switch item.state {
            case .stopped:
                show(mode == .force ? "\(workID) stopped (forced)" : "\(workID) stopped", .success)
            case .stopping:
                show("Stop requested: \(workID) is stopping; its worker should end it within 30s", .success)
            default:
                show("Stop sent: \(workID) is \(item.state)", .success)
            }
        case .failure(let error) where Self.outcomeUnknown(error):
            // The stop may or may not have reached the server: ask what it says now, and keep
            // the item in flight meanwhile, rather than sending it again.
            show("No clear answer to the stop of \(workID) (\(ErrorWording.plain(error))): checking its state…", .warning)
            return [.verifyStop(environmentID: env, workID: workID, mode: mode)]
        case .failure(let error):
            stopsInFlight[workID] = nil
            switch error.status {
            case 409:
                show("\(workID) was already stopped (409): nothing changed", .info)
            case 404:
                // Nothing left to refresh for: the row goes now, and the notice stays readable.
                forget(workID)
                show("\(workID) no longer exists (404): removed from the list", .warning)
                return []
            default:
                show("Stop of \(workID) refused: \(ErrorWording.plain(error))", .error)
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
            switch item.state {
            case .stopped, .stopping:
                show("The stop of \(workID) arrived: it is \(item.state) now", .success)
            default:
                let key = mode == .force ? "S" : "s"
                show("The stop of \(workID) did not arrive: it is still \(item.state). Press \(key) to try again", .warning)
            }
        case .failure(let error) where error.status == 404:
            forget(workID)
            show("\(workID) no longer exists (404): removed from the list", .warning)
        case .failure(let error):
            show("Could not learn whether the stop of \(workID) arrived (\(ErrorWording.plain(error))): check it before stopping again", .error)
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
