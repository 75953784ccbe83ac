import EnvtopClient
import EnvtopCore
import EnvtopUI
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Decides, in one exhaustive switch, what every `Effect` becomes: an API call whose answer
/// returns as an event, a command for the screen, or nothing.
///
/// Calls never touch the state: the answer comes back as an `Event` for the one loop that owns
/// it. A new `Effect` case does not compile until it is handled here.
public struct EffectRunner: Sendable {
    let api: any DashboardAPI
    /// Where stops are recorded before and after they are sent; nil with `audit: off`.
    var audit: AuditTrail?
    /// The next page of a walk, requested while the reducer merges the one before it.
    let readAhead = PageReadAhead()

    public init(api: any DashboardAPI, audit: AuditTrail? = nil) {
        self.api = api
        self.audit = audit
    }
    /// `user@host`, for `envtop_stopped_by` (the audit trail's, else the process's).
    var user: String { audit?.user ?? AuditTrail.currentUser(ProcessInfo.processInfo.environment) }
    /// How a clipboard sequence is wrapped: for tmux or screen when inside them.
    var multiplexer = Clipboard.multiplexer(ProcessInfo.processInfo.environment)

    /// The plan for `effect`. `themes` is the caller's own ring: `t` moves it.
    public func plan(_ effect: Effect, themes: inout ThemeRing) -> EffectPlan {
        let api = self.api
        switch effect {
        case .fetchStats(let env, let generation):
            return .call {
                let started = ContinuousClock.now
                let result = await Self.capture { () async throws(APIError) in try await api.stats(environmentID: env) }
                let latency = (ContinuousClock.now - started) / .seconds(1)
                return .statsLoaded(environmentID: env, generation: generation, result, latency: latency, at: Date())
            }
        case .fetchPage(let request):
            let readAhead = self.readAhead
            @Sendable func fetch(_ request: PageRequest) async -> Result<WorkPage, APIError> {
                await Self.capture { () async throws(APIError) in
                    try await api.listWork(
                        environmentID: request.environmentID, limit: request.limit, page: request.cursor,
                        unlessDigest: request.knownDigest)
                }
            }
            return .call {
                let result: Result<WorkPage, APIError>
                if let early = readAhead.take(request) { result = await early.value } else { result = await fetch(request) }
                if request.readAhead, case .success(let page) = result, let next = page.nextPage {
                    let following = PageRequest(
                        environmentID: request.environmentID, index: request.index + 1, cursor: next, limit: request.limit,
                        generation: request.generation, readAhead: true)
                    readAhead.start(following) { await fetch(following) }
                }
                return .pageLoaded(request, result, at: Date())
            }
        case .fetchItem(let env, let workID):
            return .call {
                let result = await Self.capture { () async throws(APIError) in
                    try await api.getWork(environmentID: env, workID: workID)
                }
                return .itemChecked(environmentID: env, workID: workID, result, at: Date())
            }
        case .stop(let env, let workID, let mode, let batch, let note):
            let audit = self.audit
            let user = self.user
            return .call {
                // The attempt is on disk before the call goes; without a log, nothing goes.
                let entry = AuditEntry(audit: audit, environment: env, workID: workID, mode: mode, batch: batch, reason: note?.reason)
                if let refusal = entry.attempt() {
                    return .stopFinished(environmentID: env, workID: workID, mode: mode, .failure(refusal), at: Date())
                }
                // The profile keeps the reason on the item, written before the stop. If that
                // write fails the stop still goes (the operator asked for it); the audit log
                // says the note was not written.
                if let note, note.record {
                    let patch = MetadataPatch(["envtop_stopped_by": user, "envtop_stop_reason": note.reason])
                    _ = await Self.audited(AuditEntry(audit: audit, environment: env, workID: workID, patch: patch, reason: note.reason)) {
                        () async throws(APIError) in try await api.updateMetadata(environmentID: env, workID: workID, patch: patch)
                    }
                }
                let result = await Self.capture { () async throws(APIError) in
                    try await api.stopWork(environmentID: env, workID: workID, mode: mode)
                }
                entry.outcome(result)
                return .stopFinished(environmentID: env, workID: workID, mode: mode, result, at: Date())
            }
        case .updateMetadata(let env, let workID, let patch):
            let audit = self.audit
            return .call {
                let result = await Self.audited(AuditEntry(audit: audit, environment: env, workID: workID, patch: patch)) {
                    () async throws(APIError) in try await api.updateMetadata(environmentID: env, workID: workID, patch: patch)
                }
                return .metadataUpdated(environmentID: env, workID: workID, result, at: Date())
            }
        case .verifyStop(let env, let workID, let mode):
            return .call {
                let result = await Self.capture { () async throws(APIError) in
                    try await api.getWork(environmentID: env, workID: workID)
                }
                return .stopVerified(environmentID: env, workID: workID, mode: mode, result, at: Date())
            }
        case .cycleTheme:
            let theme = themes.advance()
            return .screen(.setTheme(theme), then: .themeChanged(theme.name))
        case .forceRepaint:
            return .screen(.repaint, then: nil)
        case .bell:
            return .screen(.bell, then: nil)
        case .copy(let text):
            return .screen(.write(Clipboard.osc52(text, inside: multiplexer)), then: nil)
        case .wake(let seconds):
            return .call {
                try? await Task.sleep(for: .milliseconds(Int(max(0, seconds) * 1000)))
                return .tick(Date())
            }
        case .quit:
            return .none
        }
    }

    /// A call with its two audit lines: the attempt on disk first (if it cannot be written,
    /// the call is not made and the answer says why), then the outcome.
    private static func audited(
        _ entry: AuditEntry, _ body: () async throws(APIError) -> WorkItem
    ) async -> Result<WorkItem, APIError> {
        if let refusal = entry.attempt() { return .failure(refusal) }
        let result = await capture(body)
        entry.outcome(result)
        return result
    }

    private static func capture<T: Sendable>(_ body: () async throws(APIError) -> T) async -> Result<T, APIError> {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }
}
