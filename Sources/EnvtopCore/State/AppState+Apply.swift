import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension AppState {
    /// Applies one event and returns the I/O the app must start. Pure: no I/O, no waiting.
    public mutating func apply(_ event: Event) -> [Effect] {
        switch event {
        case .key(let key):
            return handle(key: key)
        case .mouse(let mouse):
            return handle(mouse: mouse)
        case .paste(let text):
            return handle(paste: text)
        case .resize(let size):
            setSize(size)
            keepSelectionVisible()
            if case .help(let help) = overlay { overlay = .help(fittedHelp(help)) }
            return []
        case .tick(let date):
            now = date
            if let flash, flash.expiresAt <= now { self.flash = nil }
            for i in feeds.indices { feeds[i].noteHang(now: now, staleAfter: options.staleAfter) }
            if relistPending { recomputeList() } else { catchUpWithClock() }
            followUpStops()
            return refreshIfDue() + advanceBatch()
        case .statsLoaded(let env, let generation, let result, let latency, let at):
            return statsLoaded(env: env, generation: generation, result: result, latency: latency, at: at)
        case .pageLoaded(let request, let result, let at):
            return pageLoaded(request, result: result, at: at)
        case .itemChecked(let env, let workID, let result, let at):
            let ref = ItemRef(environmentID: env, workID: workID)
            itemChecked(env: env, workID: workID, result: result, at: at)
            return batch?.reading == ref ? batchTargetRead(ref, result: result) : []
        case .stopFinished(let env, let workID, let mode, let result, let at):
            return stopFinished(env: env, workID: workID, mode: mode, result: result, at: at)
        case .stopVerified(let env, let workID, let mode, let result, let at):
            return stopVerified(env: env, workID: workID, mode: mode, result: result, at: at)
        case .metadataUpdated(let env, let workID, let result, let at):
            return metadataUpdated(env: env, workID: workID, result: result, at: at)
        case .themeChanged(let name):
            show(.themeChanged(name))
            return []
        case .quitRequested:
            isQuitting = true
            return [.quit]
        }
    }

    /// A paste is text for the field that has focus; anywhere else it is dropped, so pasted
    /// newlines and letters can never act as keys.
    mutating func handle(paste text: String) -> [Effect] {
        if overlay?.type(text) == true { return [] }
        guard keyScope == .search else {
            show(.pasteIgnored)
            return []
        }
        let previous = search.query
        if search.field.insert(text) { show(.pasteCut(limit: TextField.maxLength)) }
        searchChanged(from: previous)
        return []
    }

    /// Shows a notice on the status line for a few seconds.
    mutating func show(_ notice: Notice) {
        // A key typed ahead (the y of `S y` after the dialog closed on a 404) must not wipe out,
        // within its first 2 s, the warning that says why the dialog closed.
        if case .notAKey = notice, let flash, flash.kind == .warning || flash.kind == .error,
            flash.expiresAt.timeIntervalSince(now) > options.flashSeconds - 2
        {
            return
        }
        flash = Flash(notice, expiresAt: now.addingTimeInterval(options.flashSeconds))
    }
}
