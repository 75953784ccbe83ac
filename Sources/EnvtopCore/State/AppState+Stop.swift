import EnvtopModels
import Foundation

extension AppState {
    /// Opens the confirmation for the selected item, pinned to its id, and asks the API for a fresh
    /// copy so the dialog can say if it changed.
    mutating func openStopDialog(_ mode: StopMode) -> [Effect] {
        if options.readOnly {
            show("Read-only mode: stopping is disabled (started with --read-only)", .warning)
            return []
        }
        guard let item = selectedItem else {
            show("Nothing selected to stop", .warning)
            return []
        }
        overlay = .stopDialog(StopDialog(mode: mode, target: item))
        return [.fetchItem(environmentID: options.environmentID, workID: item.id)]
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

    mutating func confirmStop(_ dialog: StopDialog) -> [Effect] {
        overlay = nil
        if dialog.current.state == .stopped {
            show("\(dialog.workID) is already stopped: nothing was sent", .info)
            return []
        }
        let verb = dialog.mode == .force ? "Force stopping" : "Stopping"
        show("\(verb) \(dialog.workID)…", .info)
        return [.stop(environmentID: options.environmentID, workID: dialog.workID, mode: dialog.mode)]
    }

    mutating func itemChecked(env: String, workID: String, result: Result<WorkItem, APIError>, at: Date) {
        guard env == options.environmentID else { return }
        now = max(now, at)
        switch result {
        case .success(let item):
            store.update(item)
            if case .stopDialog(var dialog) = overlay, dialog.workID == workID {
                dialog.current = item
                dialog.verified = true
                overlay = .stopDialog(dialog)
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
            store.update(item)
            recomputeList()
            switch item.state {
            case .stopped:
                show(mode == .force ? "\(workID) stopped (forced)" : "\(workID) stopped", .success)
            case .stopping:
                show("Stop requested: \(workID) is stopping; its worker should end it within 30s", .success)
            default:
                show("Stop sent: \(workID) is \(item.state)", .success)
            }
        case .failure(let error):
            switch error.status {
            case 409:
                show("\(workID) was already stopped (409)", .info)
            case 404:
                show("\(workID) no longer exists (404)", .warning)
            default:
                show("Stop of \(workID) refused: \(error)", .error)
            }
        }
        return requestRefresh()
    }
}
