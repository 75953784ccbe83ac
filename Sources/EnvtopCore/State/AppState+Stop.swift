import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension AppState {
    /// Opens the confirmation for the selected item, pinned to its id, and asks the API for a fresh
    /// copy so the dialog can say if it changed. Never for an item already stopped, gone, or with
    /// a stop on its way.
    mutating func openStopDialog(_ mode: StopMode) -> [Effect] {
        if options.readOnly {
            show(.readOnly)
            return []
        }
        guard let ref = selected, let item = item(ref) else {
            show(.nothingSelected)
            return []
        }
        guard permits(Permission(mode), in: ref.environmentID) else {
            show(.notAllowed(action: Permission(mode).rawValue, environment: tag(ref.environmentID)))
            return []
        }
        if let refusal = stopRefusal(ref) {
            show(.stopNotAllowed(workID: ref.workID, refusal, sent: false))
            return []
        }
        // A production force stop waits for the environment's label, typed: `y` is not enough.
        let environment = watched(ref.environmentID)
        var required: String?
        if mode == .force, let environment, environment.production {
            required = environment.label.isEmpty ? environment.displayName : environment.label
        }
        let presence = WorkerPresence.of(item, now: now, thresholds: options.thresholds)
        var dialog = StopDialog(mode: mode, target: item, requiredText: required, presence: presence)
        dialog.forceAllowed = permits(.forceStop, in: ref.environmentID)
        dialog.forceKey = options.keys.key(.forceStop, .global)
        overlay = .stopDialog(dialog)
        return [.fetchItem(environmentID: ref.environmentID, workID: ref.workID)]
    }

    /// The one decision on what may be done: `--read-only` allows nothing, and each profile's
    /// `allow:` names what its environments allow. Every stop effect passes through
    /// `stopEffect`, which asks it, whatever keys, dialogs or batches led there.
    public func permits(_ permission: Permission, in environmentID: String) -> Bool {
        !options.readOnly && (watched(environmentID)?.allowed.contains(permission) ?? true)
    }

    /// The actions no environment in view allows (`permits`): the key bar leaves them out and
    /// help marks them.
    public var forbiddenActions: Set<Action> {
        let envs = scopedFeeds.map { feeds[$0].environmentID }
        var forbidden: Set<Action> = []
        if !envs.contains(where: { permits(.stop, in: $0) }) { forbidden.insert(.stop) }
        if !envs.contains(where: { permits(.forceStop, in: $0) }) { forbidden.formUnion([.forceStop, .stopAttention]) }
        if !envs.contains(where: { permits(.updateMetadata, in: $0) }) { forbidden.insert(.editMetadata) }
        return forbidden
    }

    /// The stop effect for `ref`, or nil (with a notice) when it is not allowed.
    mutating func stopEffect(_ ref: ItemRef, mode: StopMode, batch: BatchTag? = nil, reason: String? = nil) -> Effect? {
        guard permits(Permission(mode), in: ref.environmentID) else {
            show(.notAllowed(action: Permission(mode).rawValue, environment: tag(ref.environmentID)))
            return nil
        }
        let note = reason.map { StopNote(reason: $0, record: watched(ref.environmentID)?.recordReason ?? false) }
        return .stop(environmentID: ref.environmentID, workID: ref.workID, mode: mode, batch: batch, note: note)
    }

    /// Why no stop may be sent for an item now, if none may.
    func stopRefusal(_ ref: ItemRef) -> StopRefusal? {
        if let mode = stopsInFlight[ref] { return .inFlight(mode) }
        guard let item = environmentFeed(ref.environmentID)?.store[ref.workID] else { return .gone }
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
        let ref = dialog.ref
        if let refusal = dialog.current.state == .stopped ? .alreadyStopped : stopRefusal(ref) {
            show(.stopNotAllowed(workID: ref.workID, refusal, sent: true))
            return []
        }
        guard let effect = stopEffect(ref, mode: dialog.mode, reason: dialog.reason.text) else { return [] }
        stopsInFlight[ref] = dialog.mode
        follow(ref, mode: dialog.mode, state: dialog.current.state)
        show(.stopRequested(workID: ref.workID, dialog.mode))
        return [effect]
    }

    mutating func itemChecked(env: String, workID: String, result: Result<WorkItem, APIError>, at: Date) {
        guard feedIndex[env] != nil else { return }
        let ref = ItemRef(environmentID: env, workID: workID)
        now = max(now, at)
        switch result {
        case .success(let item):
            withFeed(env) { $0.update(item) }
            if case .stopDialog(var dialog) = overlay, dialog.ref == ref {
                dialog.current = item
                dialog.verified = true
                overlay = .stopDialog(dialog)
            }
        case .failure(let error) where error.status == 404:
            forget(ref)
            if case .stopDialog(let dialog) = overlay, dialog.ref == ref {
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
        guard feedIndex[env] != nil else { return [] }
        let ref = ItemRef(environmentID: env, workID: workID)
        switch result {
        case .success(let item):
            stopsInFlight[ref] = nil
            // In the attention-first sort the stopped item leaves the flagged rows at the top:
            // the cursor stays on its row, which now holds the next flagged item.
            let row = sort == .attention && selected == ref ? selectedIndex : nil
            withFeed(env) { $0.update(item) }
            recomputeList()
            if let row, !visible.isEmpty, batch == nil { select(row: min(row, visible.count - 1)) }
            if batchStopAnswered(ref, failure: nil) { return finishBatchIfDone() + requestRefresh(env) }
            show(.stopAnswered(workID: workID, mode, item.state))
        case .failure(let error) where Self.outcomeUnknown(error):
            // The stop may or may not have reached the server: ask what it says now, and keep
            // the item in flight meanwhile, rather than sending it again.
            show(.stopUnclear(workID: workID, error))
            return [.verifyStop(environmentID: env, workID: workID, mode: mode)]
        case .failure(let error):
            stopsInFlight[ref] = nil
            // In a batch, an item that turned out stopped (409) or gone (404) needs nothing more.
            if batchStopAnswered(ref, failure: [404, 409].contains(error.status ?? 0) ? nil : error) {
                if error.status == 404 { forget(ref) }
                return finishBatchIfDone() + requestRefresh(env)
            }
            switch error.status {
            case 409:
                show(.alreadyStopped(workID: workID))
            case 404:
                // Nothing left to refresh for: the row goes now, and the notice stays readable.
                forget(ref)
                show(.itemGone(workID: workID, stopSent: true))
                return []
            default:
                show(.stopRefused(workID: workID, error))
            }
        }
        return requestRefresh(env)
    }

    /// Reports what the server says after a stop without a clear answer.
    mutating func stopVerified(
        env: String, workID: String, mode: StopMode, result: Result<WorkItem, APIError>, at: Date
    ) -> [Effect] {
        now = max(now, at)
        guard feedIndex[env] != nil else { return [] }
        let ref = ItemRef(environmentID: env, workID: workID)
        stopsInFlight[ref] = nil
        if batch?.owns(ref) == true {
            var failure: APIError?
            if case .failure(let error) = result, error.status != 404 { failure = error }
            if case .success(let item) = result {
                withFeed(env) { $0.update(item) }
                recomputeList()
                if item.state != .stopped && item.state != .stopping { failure = .transport("the stop did not arrive: the item is \(item.state.rawValue)") }
            }
            _ = batchStopAnswered(ref, failure: failure)
            return finishBatchIfDone() + requestRefresh(env)
        }
        switch result {
        case .success(let item):
            withFeed(env) { $0.update(item) }
            recomputeList()
            show(.stopVerified(workID: workID, mode, item.state))
        case .failure(let error) where error.status == 404:
            forget(ref)
            show(.itemGone(workID: workID, stopSent: true))
        case .failure(let error):
            show(.stopUnverifiable(workID: workID, error))
        }
        return requestRefresh(env)
    }

    /// Forgets an item the API answered 404 for: no longer listed or counted.
    mutating func forget(_ ref: ItemRef) {
        withFeed(ref.environmentID) { $0.forget(ref.workID) }
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
