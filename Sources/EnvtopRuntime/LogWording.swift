import EnvtopCore
import EnvtopUI
import EnvtopModels

extension Event {
    /// The API error this event reports, if it reports one: the runtime logs it.
    var apiFailure: APIError? {
        switch self {
        case .statsLoaded(_, _, .failure(let e), _, _): e
        case .pageLoaded(_, .failure(let e), _): e
        case .itemChecked(_, _, .failure(let e), _): e
        case .stopFinished(_, _, _, .failure(let e), _): e
        case .stopVerified(_, _, _, .failure(let e), _): e
        case .metadataUpdated(_, _, .failure(let e), _): e
        case .statsLoaded, .pageLoaded, .itemChecked, .stopFinished, .stopVerified, .metadataUpdated: nil
        case .key, .mouse, .paste, .resize, .tick, .themeChanged, .quitRequested: nil
        }
    }
}

extension Effect {
    /// A short name for the log: the call and its target, never a credential.
    var logName: String {
        switch self {
        case .fetchStats(let env, _): "stats \(env)"
        case .fetchPage(let r): "list \(r.environmentID) page \(r.index)"
        case .fetchItem(let env, let id): "get \(env)/\(id)"
        case .stop(let env, let id, let mode, _, _): "stop(\(mode.rawValue)) \(env)/\(id)"
        case .verifyStop(let env, let id, _): "get \(env)/\(id) after an unclear stop"
        case .updateMetadata(let env, let id, let patch): "update metadata \(env)/\(id) (\(patch.changes.count) keys)"
        case .cycleTheme: "theme"
        case .forceRepaint: "repaint"
        case .bell: "bell"
        case .wake: "wake"
        case .copy: "copy"
        case .quit: "quit"
        }
    }
}
