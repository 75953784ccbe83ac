import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Marks and batch stops: `Space` marks, `*` marks every row shown, `u` clears; `s`/`S` with
/// marks (or `X` for every item needing attention) open one `BatchStopDialog`, and a confirmed
/// batch is sent as a paced `BatchRun`.
extension AppState {
    mutating func toggleMark() {
        guard let ref = selected else {
            show(.nothingSelected)
            return
        }
        if marks.remove(ref) == nil { marks.insert(ref) }
        moveSelection(by: 1)
    }

    mutating func markAllVisible() {
        for ref in visible { marks.insert(ref) }
        show(.marked(count: marks.count))
    }

    mutating func clearMarks() {
        let count = marks.count
        marks = []
        show(.marksCleared(count))
    }

    /// An item the API no longer has loses its mark with it.
    mutating func pruneMarks() {
        guard !marks.isEmpty else { return }
        marks = marks.filter { environmentFeed($0.environmentID)?.store[$0.workID] != nil }
    }

    /// The marked items, in list order, then any marked item the current filter hides.
    var markedInOrder: [ItemRef] {
        let shown = visible.filter { marks.contains($0) }
        let seen = Set(shown)
        return shown + marks.filter { !seen.contains($0) }.sorted { $0.description < $1.description }
    }

    /// Every item needing attention in the feeds in view, in list order where shown.
    var attentionInView: [ItemRef] {
        var refs: [ItemRef] = []
        for i in scopedFeeds {
            let env = feeds[i].environmentID
            for id in feeds[i].attention.keys.sorted() { refs.append(ItemRef(environmentID: env, workID: id)) }
        }
        let order = Dictionary(visible.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return refs.sorted { (order[$0] ?? Int.max, $0.description) < (order[$1] ?? Int.max, $1.description) }
    }

    mutating func openBatchDialog(_ mode: StopMode, refs: [ItemRef], origin: String) -> [Effect] {
        if options.readOnly {
            show(.readOnly)
            return []
        }
        let items = refs.compactMap { environmentFeed($0.environmentID)?.store[$0.workID] }
        // Refused by the profile, not by the items: say so, as a single stop does.
        if let first = items.first, items.allSatisfy({ !permits(Permission(mode), in: $0.environmentID) }) {
            show(.notAllowed(action: Permission(mode).rawValue, environment: tag(first.environmentID)))
            return []
        }
        let skipped = Set(items.map(ItemRef.init).filter { stopRefusal($0) != nil || !permits(Permission(mode), in: $0.environmentID) })
        guard items.count > skipped.count else {
            show(.nothingToStop(origin: origin))
            return []
        }
        var reasons: [ItemRef: String] = [:]
        for item in items { reasons[ItemRef(item)] = attentionNow(ItemRef(item))?.kindName }
        // A force stop reaching production waits for the label typed, as a single one does.
        let production = Set(items.compactMap { item -> String? in
            guard let env = watched(item.environmentID), env.production else { return nil }
            return env.label.isEmpty ? env.displayName : env.label
        })
        let required = mode == .force && !production.isEmpty ? (production.count == 1 ? production.first! : "production") : nil
        overlay = .batchDialog(BatchStopDialog(
            mode: mode, targets: items, skipped: skipped, reasons: reasons, requiredText: required, origin: origin))
        return []
    }

    mutating func confirmBatch(_ dialog: BatchStopDialog) -> [Effect] {
        overlay = nil
        show(.batchStarted(mode: dialog.mode, count: dialog.toSend.count, skipped: dialog.skipped.count))
        return runBatch(dialog.mode, targets: dialog.toSend.map(ItemRef.init), skipped: Array(dialog.skipped), reason: dialog.reason.text)
    }

    /// A batch started without the dialog (`envtop stop`, which asked its own confirmation):
    /// the same run, paced, each target re-read before its one stop, the profile asked per stop.
    public mutating func startBatch(_ mode: StopMode, refs: [ItemRef], reason: String?) -> [Effect] {
        let skipped = refs.filter { stopRefusal($0) != nil }
        return runBatch(mode, targets: refs.filter { !skipped.contains($0) }, skipped: skipped, reason: reason)
    }

    /// Starts the paced run of `targets`; `skipped` are counted as skipped from the start.
    mutating func runBatch(_ mode: StopMode, targets: [ItemRef], skipped: [ItemRef], reason: String?) -> [Effect] {
        batchCount += 1
        var run = BatchRun(
            number: batchCount, mode: mode, targets: targets, preSkipped: skipped.count,
            stopsPerSecond: options.batchStopsPerSecond, now: now)
        run.reason = reason
        run.skipped = skipped
        batch = run
        return advanceBatch()
    }

    /// Reads the next target if it is time; targets that cannot be stopped are skipped at once.
    mutating func advanceBatch() -> [Effect] {
        guard var run = batch else { return [] }
        var effects: [Effect] = []
        while let ref = run.nextToRead(now: now) {
            if stopRefusal(ref) != nil {
                run.skip(ref)
                continue
            }
            effects.append(.fetchItem(environmentID: ref.environmentID, workID: ref.workID))
            break
        }
        batch = run
        return effects + finishBatchIfDone()
    }

    /// The re-read of a batch target: its stop goes now, or it is skipped.
    mutating func batchTargetRead(_ ref: ItemRef, result: Result<WorkItem, APIError>) -> [Effect] {
        guard var run = batch, run.reading == ref else { return [] }
        var effects: [Effect] = []
        switch result {
        case .success(let item) where item.state != .stopped && item.environmentID == ref.environmentID
            && stopsInFlight[ref] == nil:
            guard let stop = stopEffect(ref, mode: run.mode, batch: BatchTag(number: run.number, position: run.position), reason: run.reason) else {
                run.skip(ref)
                break
            }
            stopsInFlight[ref] = run.mode
            follow(ref, mode: run.mode, state: item.state)
            run.send(ref, now: now)
            effects = [stop, .wake(after: run.interval)]
        case .success:
            run.skip(ref)
        case .failure(let error) where error.status == 404:
            run.skip(ref)
        case .failure(let error):
            // Not sent: what the item is now is unknown, and a stop must go to what was seen.
            run.reading = nil
            run.failed.append(.init(ref: ref, error: error, notSent: true))
        }
        batch = run
        return effects + advanceBatch()
    }

    /// Counts the answer to a batch's stop; true when the stop belonged to the running batch
    /// (its own notice is then the batch's summary, not one per item).
    mutating func batchStopAnswered(_ ref: ItemRef, failure: APIError?) -> Bool {
        guard var run = batch, run.owns(ref) else { return false }
        run.answered(ref, failure: failure)
        batch = run
        return true
    }

    /// Esc while a batch runs: nothing more is sent; the answers of what was sent still count.
    mutating func cancelBatch() -> [Effect] {
        guard var run = batch, !run.cancelled else { return [] }
        run.cancel()
        batch = run
        show(.batchCancelled(sent: run.sent, of: run.targets.count))
        return finishBatchIfDone()
    }

    /// When every stop of the run is answered: the summary, and the marks of what stopped go
    /// (failed ones stay marked, to try again).
    mutating func finishBatchIfDone() -> [Effect] {
        guard let run = batch, run.isFinished else { return [] }
        batch = nil
        lastBatch = run
        for ref in run.done + run.skipped { marks.remove(ref) }
        show(.batchFinished(BatchSummary(run)))
        return []
    }
}
