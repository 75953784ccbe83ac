import EnvtopCore
import EnvtopModels

/// The words of every `Notice`: the one place that phrases what happened, naming keys as the
/// key map binds them, so a remapped key is named right everywhere.
public struct NoticeWording: Sendable {
    /// The key table in effect: the keys sentences name.
    public var keys: KeyBindings

    public init(keys: KeyBindings = .standard) { self.keys = keys }

    /// The words with the default keys (tests, and places without a state).
    public static func text(_ notice: Notice) -> String { NoticeWording().text(notice) }

    public func text(_ notice: Notice) -> String {
        switch notice {
        case .readOnly:
            return "Read-only mode: stopping is disabled (started with --read-only)"
        case .nothingSelected:
            return "Nothing selected to stop"
        case .stopNotAllowed(let id, let why, let sent):
            let tail = sent ? ": nothing was sent" : ""
            switch why {
            case .inFlight(let mode):
                return "A \(mode == .force ? "force stop" : "stop") of \(id) is already on its way: wait for its answer\(tail)"
            case .gone: return "\(id) is gone from the API: there is nothing to stop\(tail)"
            case .alreadyStopped: return "\(id) is already stopped: nothing to stop\(tail)"
            }
        case .forceNeedsConfirmKey(let id):
            return "A force stop needs \(key(.dialogConfirm, .dialog)): press \(key(.dialogConfirm, .dialog)) to force stop \(id), \(key(.close, .dialog)) to cancel"
        case .typeToConfirm(let id, let label):
            return "To force stop \(id) in production, type \(label) and press \(key(.dialogConfirm, .typedConfirm)); \(key(.close, .typedConfirm)) cancels"
        case .scopeChanged(let scope, let label, let matches):
            switch scope {
            case .all: return "Showing all environments together: \(label) (\(matches) items)"
            case .one: return "Showing \(label) alone (\(matches) items); \(key(.switchEnvironment, .global)) switches back"
            }
        case .stopCancelled:
            return "Cancelled: nothing was stopped"
        case .stopRequested(let id, let mode):
            return "\(mode == .force ? "Force stopping" : "Stopping") \(id)…"
        case .stopAnswered(let id, let mode, let state):
            switch state {
            case .stopped: return mode == .force ? "\(id) stopped (forced)" : "\(id) stopped"
            case .stopping:
                return "Stop requested: \(id) is stopping; its worker should end it within \(APIConstants.maxHeartbeatIntervalSeconds)s"
            default: return "Stop sent: \(id) is \(state)"
            }
        case .alreadyStopped(let id):
            return "\(id) was already stopped (409): nothing changed"
        case .stopRefused(let id, let error):
            return "Stop of \(id) refused: \(ErrorWording.plain(error))"
        case .stopUnclear(let id, let error):
            return "No clear answer to the stop of \(id) (\(ErrorWording.plain(error))): checking its state…"
        case .stopVerified(let id, let mode, let state):
            if state == .stopped || state == .stopping { return "The stop of \(id) arrived: it is \(state) now" }
            let again = key(mode == .force ? .forceStop : .stop, .global)
            return "The stop of \(id) did not arrive: it is still \(state). Press \(again) to try again"
        case .stopUnverifiable(let id, let error):
            return "Could not learn whether the stop of \(id) arrived (\(ErrorWording.plain(error))): check it before stopping again"
        case .itemGone(let id, let stopSent):
            return "\(id) no longer exists (404): removed from the list\(stopSent ? "" : ", nothing was sent")"
        case .dataChanged(let gone, let total):
            return "The API's data changed: \(gone) of \(total) items are gone (a restart or a reset?)"
        case .paginationRepeats(let page, let items):
            return "The API's pagination repeats after page \(page): showing the \(items) items read"
        case .refreshing(let paused):
            return paused ? "Refreshing once (still paused)" : "Refreshing"
        case .paused(let on):
            return on ? "Paused: the data is not refreshed until you press \(key(.pause, .global)) again" : "Refresh resumed"
        case .sorted(let order):
            return "Sorted: \(order.rawValue)"
        case .history(let on):
            return on ? "History: the last hour of the queue; \(key(.toggleHistory, .global)) again shows the list" : "History closed"
        case .times(let absolute):
            return absolute ? "Times in the list: UTC clock (HH:MM:SS)" : "Times in the list: ages"
        case .followedStopped(let id, let after):
            return "\(id) stopped, \(Age.exact(after)) after your stop"
        case .followedOverdue(let id, let after, let forceAllowed):
            let next = forceAllowed ? "\(key(.forceStop, .global)) forces it" : "a force stop is not allowed here: ask someone who may"
            return "\(id) still stopping after \(Age.exact(after)): no live worker drains it; \(next)"
        case .copied(let what, let bytes):
            return "Copied \(what) to the clipboard (\(bytes) bytes, OSC 52; your terminal must allow it)"
        case .notAllowed(let action, let environment):
            return "\(action) is not allowed in \(environment): its profile's allow: list leaves it out"
        case .marked(let count):
            return "\(count) marked: \(key(.stop, .global)) or \(key(.forceStop, .global)) stops them together, \(key(.clearMarks, .list)) clears"
        case .marksCleared(let count):
            return count == 0 ? "No marks to clear" : "\(count) mark\(count == 1 ? "" : "s") cleared"
        case .nothingToStop(let origin):
            return "Nothing to stop among the items \(origin): each is stopped, gone, or has a stop on its way"
        case .batchStarted(let mode, let count, let skipped):
            let verb = mode == .force ? "Force stopping" : "Stopping"
            return "\(verb) \(count) item\(count == 1 ? "" : "s")\(skipped > 0 ? " (\(skipped) skipped)" : ""); \(key(.close, .list)) cancels what is not sent yet"
        case .batchCancelled(let sent, let total):
            return "Batch cancelled: \(sent) of \(total) stops were sent; nothing more goes"
        case .batchFinished(let s):
            let verb = s.mode == .force ? "force-stopped" : "stopped"
            var text = "\(s.cancelled ? "Cancelled batch: " : "")\(verb) \(s.done) of \(s.total)"
            if s.skipped > 0 { text += " · \(s.skipped) skipped (stopped, gone or in flight)" }
            if s.unsent > 0 && s.cancelled { text += " · \(s.unsent) not sent" }
            if let first = s.failed.first {
                let why = (first.notSent ? "not re-read, not sent: " : "") + ErrorWording.plain(first.error)
                text += " · \(s.failed.count) failed, still marked; \(first.ref.workID): \(why)"
            }
            return text
        case .metadataUpdated(let id, let changes):
            return "Metadata of \(id) updated (\(changes) \(changes == 1 ? "key" : "keys")); read again from the API"
        case .metadataRefused(let id, let error):
            return "Metadata of \(id) not changed: \(ErrorWording.plain(error)); the editor kept your changes"
        case .unreadableItems(let count, let page, let environment, let first):
            let what = count == 1 ? "1 item" : "\(count) items"
            return "\(what) on page \(page) of \(environment) could not be read and \(count == 1 ? "is" : "are") left out (\(first)); the others are shown"
        case .reasonRequired(let id):
            return "A force stop in production needs a reason (\(id)): type it, Enter keeps it, then Enter stops"
        case .notAKey(let text):
            let name = text == " " ? "Space" : text
            return "\(name) is not a key here; \(key(.help, .global)) lists them"
        case .filtered(let filter, let matches):
            return "Filter: \(filter.label) (\(matches) items)"
        case .viewShown(let name, let key, let matches):
            return "View \(key): \(name) (\(matches) \(matches == 1 ? "item" : "items")); \(self.key(.close, .list)) clears it"
        case .noView(let key, let count):
            return "No view on \(key): \(count) views are on 1-\(min(count, 9))\(count == 10 ? ",0" : ""); views: in the config adds more"
        case .searchAndFilterCleared:
            return "Search and filter cleared"
        case .themeChanged(let name):
            return "Theme: \(name)"
        case .pasteIgnored:
            return "Paste ignored: only the search line (\(key(.search, .list))) takes pasted text"
        case .pasteCut(let limit):
            return "Pasted text was cut to \(limit) characters"
        }
    }

    /// The first key bound to `action` in `scope`, as the key bar shows it.
    func key(_ action: Action, _ scope: KeyScope) -> String {
        keys.key(action, scope)
    }
}

extension Flash {
    /// The notice in words.
    public var text: String { NoticeWording.text(notice) }
}
