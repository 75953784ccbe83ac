import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One environment's live data and the refresh cycle that keeps it true.
///
/// The store mirrors what the API returned (a complete `Sweep` removes what it no longer has),
/// the connection says how fresh that is, and `changes` says what the last completed cycle
/// changed. Everything here belongs to one environment: one feed today, several with profiles.
/// Only the reducer changes it (`AppState.apply`).
public struct Feed: Sendable {
    public let environmentID: String
    public internal(set) var environmentName: String?
    public internal(set) var stats: QueueStats?
    public internal(set) var store = WorkStore()
    public internal(set) var connection = ConnectionStatus()
    /// What the last completed refresh cycle changed: rows are marked for one refresh.
    public internal(set) var changes = ChangeSet()
    /// Items the last completed cycle found gone, shown dimmed for one refresh, not counted.
    public internal(set) var departed: [String: WorkItem] = [:]
    /// Items that need an operator, and why; evaluated when data arrives or time passes.
    public internal(set) var attention: [String: Attention] = [:]
    /// When the clock alone next changes `attention` (an age crosses a threshold), and what
    /// else it was evaluated with: until one of them moves, evaluating again gives the same set.
    var attentionDueAt: Date?
    var attentionInputs: AttentionInputs?
    /// The store's revision at that evaluation.
    var attentionRevision: Int?

    // MARK: Over time
    /// The queue stats of every completed refresh, an hour or more, in constant memory.
    public internal(set) var history: StatsHistory
    /// The runbook rules failing now, without flicker.
    public internal(set) var rules = RuleTracker()
    public let runbook: RunbookThresholds
    /// Items first seen after the first load, and items seen reaching `stopped`, this session.
    public internal(set) var arrivals = 0
    public internal(set) var completions = 0
    /// The rules that started failing when the last cycle completed (the bell rings for them).
    public internal(set) var justFired: [QueueRule] = []

    // MARK: The refresh cycle
    /// The current refresh cycle; replies from another cycle are dropped.
    public internal(set) var generation = 0
    /// Requests of the current cycle not answered yet; a new cycle starts only at zero.
    public internal(set) var inFlight = 0
    public internal(set) var nextRefreshAt: Date
    var cycleFailed = false
    /// The longest `retry-after` an answer of the running cycle asked for, in seconds.
    var cycleRetryAfter: Double?
    /// An answer of the running cycle was over the size cap: fetching it again soon would only
    /// download the same megabytes again, so the next try waits `maxRetryAfter` (`r` still works).
    var cycleTooLarge = false
    var refreshRequested = false
    /// When the running cycle started: the next one is due one interval after it.
    var cycleStartedAt: Date?
    var sweep = Sweep()
    /// Changes of the running cycle, published as `changes` when it completes.
    var pending = ChangeSet()
    var pendingDeparted: [String: WorkItem] = [:]
    /// True once a first complete load finished: from then on arrivals count as new.
    var hasLoaded = false

    public init(
        environmentID: String, environmentName: String? = nil, now: Date, refreshInterval: Double = 2,
        runbook: RunbookThresholds = RunbookThresholds()
    ) {
        self.environmentID = environmentID
        self.environmentName = environmentName
        self.nextRefreshAt = now
        self.history = StatsHistory(interval: refreshInterval)
        self.runbook = runbook
    }

    /// Whether `item` is in this feed: in the store, or shown for one more refresh as gone.
    public func item(_ id: String) -> WorkItem? { store[id] ?? departed[id] }

    /// True when the item's id, session, state or metadata contains `needle` (lowercased UTF-8),
    /// for stored items and those shown one more refresh as gone alike.
    public func matches(_ id: String, lowercasedNeedle needle: [UInt8]) -> Bool {
        if !departed.isEmpty, let gone = departed[id] { return WorkStore.contains(WorkStore.haystack(for: gone), needle) }
        return store.matches(id, lowercasedNeedle: needle)
    }

    /// Starts a cycle: stats and the pages `RefreshPlanner` picks.
    mutating func startCycle(now: Date, visiblePages: [Int], pageSize: Int) -> [Effect] {
        refreshRequested = false
        cycleStartedAt = now
        generation += 1
        cycleFailed = false
        cycleRetryAfter = nil
        cycleTooLarge = false
        var effects: [Effect] = [.fetchStats(environmentID: environmentID, generation: generation)]
        let pages = RefreshPlanner.pages(store: store, visiblePages: visiblePages, sweepPage: sweep.nextPage)
        // Still walking the list (no last page yet): the walk goes on page after page.
        let walking = store.lastPageIndex == nil
        for index in pages where index < store.pageCursors.count {
            effects.append(.fetchPage(pageRequest(index, pageSize: pageSize, readAhead: walking)))
        }
        inFlight = effects.count
        return effects
    }

    func pageRequest(_ index: Int, pageSize: Int, readAhead: Bool = false) -> PageRequest {
        PageRequest(
            environmentID: environmentID, index: index, cursor: store.pageCursors[index], limit: pageSize,
            generation: generation, readAhead: readAhead, knownDigest: store.digest(ofPage: index))
    }

    /// True when a reply belongs to the running cycle of this feed.
    func accepts(environmentID env: String, generation g: Int) -> Bool {
        env == environmentID && g == generation && inFlight > 0
    }

    mutating func fail(_ error: APIError) {
        cycleFailed = true
        connection.errorCount += 1
        connection.lastError = error
        if let seconds = error.retryAfter { cycleRetryAfter = max(cycleRetryAfter ?? 0, seconds) }
        if case .tooLarge = error { cycleTooLarge = true }
    }

    /// Merges a page and moves the sweep on; returns how many items a completed sweep removed
    /// and how many the store held before (for the "data changed" notice), and whether the
    /// page's cursor repeated an earlier one (the list is then taken to end there).
    /// `nil` when the page came back `unchanged` but the store can no longer vouch for it (an
    /// item of it was removed since): the page must be read again in full.
    mutating func merge(_ page: WorkPage, request: PageRequest) -> (removed: Int, before: Int, cursorRepeated: Bool)? {
        var page = page
        let delta: WorkStore.Delta
        // The answers of one cycle land in any order: a page of the cycle whose last page ended
        // a sweep was read before the next sweep began, and counts for none.
        let inSweep = generation >= sweep.startGeneration
        if page.isUnchanged, let digest = page.digest {
            // Only the sweep needs the items noted as seen (the last page, in case the list shrank).
            let stamp = (inSweep && request.index == sweep.nextPage) || request.index == store.lastPageIndex
            guard let same = store.applyUnchanged(
                index: request.index, digest: digest, generation: generation, stamp: stamp) else {
                return nil
            }
            delta = same.delta
            page.nextPage = same.nextPage
        } else {
            delta = store.apply(page: page, index: request.index, generation: generation)
        }
        if delta.cursorRepeated { page.nextPage = nil }
        // An item back in the list is no longer gone: one row for it, never two.
        for id in delta.inserted where !departed.isEmpty || !pendingDeparted.isEmpty {
            departed[id] = nil
            pendingDeparted[id] = nil
        }
        if hasLoaded {
            for id in delta.inserted { pending.new.insert(id) }
            for id in delta.changed where !pending.new.contains(id) { pending.changed.insert(id) }
            arrivals += delta.inserted.count
            for id in delta.inserted where store[id]?.state == .stopped { completions += 1 }
            completions += delta.completed.count
        }
        let repeated = delta.cursorRepeated
        guard inSweep, request.index == sweep.nextPage || (page.nextPage == nil && request.index < sweep.nextPage) else {
            return (0, store.count, repeated)
        }
        guard page.nextPage == nil else {
            sweep.nextPage = request.index + 1
            return (0, store.count, repeated)
        }
        // A list cut short by a repeated cursor proves nothing about the items past it.
        if repeated {
            sweep = Sweep(startGeneration: generation + 1, nextPage: 0)
            return (0, store.count, repeated)
        }
        // The sweep read every page, each with the cursor of the page before it, since it
        // started: an item no read has returned since then is gone from the API.
        let before = store.count
        let gone = store.ids(notSeenSince: sweep.startGeneration)
        let removed = store.remove(gone)
        for item in removed {
            pending.gone.insert(item.id)
            pending.new.remove(item.id)
            pending.changed.remove(item.id)
            pendingDeparted[item.id] = item
        }
        sweep = Sweep(startGeneration: generation + 1, nextPage: 0)
        return (removed.count, before, false)
    }

    /// Re-evaluates which items need an operator at `now`.
    /// Returns whether an item joined or left the set, or its reason changed: the list reads
    /// only that (ages move every second, and move every row alike).
    @discardableResult
    mutating func evaluateAttention(now: Date, thresholds: AttentionThresholds) -> Bool {
        var flagged: [String: Attention] = [:]
        var due: Date?
        let polling = stats?.workersPolling
        for (id, item) in store.byID {
            if let reason = Attention.evaluate(item, now: now, thresholds: thresholds, workersPolling: polling) {
                flagged[id] = reason
            }
            if let next = Attention.nextChange(item, after: now, thresholds: thresholds), due.map({ next < $0 }) ?? true {
                due = next
            }
        }
        flagRuleItems(&flagged, due: &due, now: now)
        let changed = flagged.count != attention.count
            || flagged.contains { attention[$0.key]?.queryName != $0.value.queryName }
        attention = flagged
        attentionDueAt = due
        attentionInputs = currentAttentionInputs
        attentionRevision = store.revision
        return changed
    }

    /// True when evaluating attention at `now` could give another set than the last evaluation:
    /// the items changed, an age crossed a threshold, or the stats or rules it read changed.
    func attentionStale(now: Date) -> Bool {
        guard let inputs = attentionInputs, attentionRevision == store.revision else { return true }
        if let due = attentionDueAt, now > due { return true }
        return inputs != currentAttentionInputs
    }

    private var currentAttentionInputs: AttentionInputs {
        AttentionInputs(
            workersPolling: stats?.workersPolling, pending: stats?.pending, stalledClaim: rules.isFiring(.stalledClaim),
            backlog: rules.isFiring(.backlogAge), noWorkers: rules.isFiring(.noWorkers))
    }

    /// The items behind a failing runbook rule join "needs attention" with the rule's reason:
    /// the `pending` oldest queued items for a stalled claim (a stream hands out its oldest
    /// entries first), queued items past the backlog age, and queued items no worker polls for.
    private func flagRuleItems(_ flagged: inout [String: Attention], due: inout Date?, now: Date) {
        let stalled = rules.isFiring(.stalledClaim)
        let backlog = rules.isFiring(.backlogAge)
        let noWorkers = rules.isFiring(.noWorkers)
        guard stalled || backlog || noWorkers else { return }
        var queued = store.byID.values.filter { $0.state == .queued }
        queued.sort { $0.createdAt < $1.createdAt }
        let pending = stalled ? max(0, stats?.pending ?? 0) : 0
        for (n, item) in queued.enumerated() {
            let age = now.timeIntervalSince(item.createdAt)
            if n < pending {
                flagged[item.id] = .stalledClaim(age: age)
            } else if noWorkers, flagged[item.id] == nil {
                flagged[item.id] = .noWorker(age: age)
            } else if backlog, age > runbook.backlogAgeSeconds, flagged[item.id] == nil {
                flagged[item.id] = .backlog(age: age)
            } else if backlog, age <= runbook.backlogAgeSeconds {
                let joins = item.createdAt.addingTimeInterval(runbook.backlogAgeSeconds)
                if due.map({ joins < $0 }) ?? true { due = joins }
            }
        }
    }

    /// Stores a copy of one item read on its own (a stop's answer, a re-check): it is listed
    /// again if it was shown as gone.
    mutating func update(_ item: WorkItem) {
        if item.state == .stopped, let old = store[item.id], old.state != .stopped { completions += 1 }
        departed[item.id] = nil
        pendingDeparted[item.id] = nil
        store.update(item)
    }

    /// Forgets one item at once: the API answered 404 for it.
    mutating func forget(_ id: String) {
        attention[id] = nil
        store.remove([id])
        departed[id] = nil
        pendingDeparted[id] = nil
    }

    /// Counts an answered request; when the cycle is complete, records its outcome, publishes its
    /// changes and schedules the next one. Returns true when the cycle completed.
    mutating func finishRequest(now: Date, interval: Double, retryCap: Double, maxRetryAfter: Double = 60) -> Bool {
        inFlight = max(0, inFlight - 1)
        guard inFlight == 0 else { return false }
        if cycleFailed {
            connection.consecutiveFailures += 1
            if connection.staleSince == nil { connection.staleSince = connection.lastSuccessAt ?? now }
            let backoff = interval * Double(1 << min(connection.consecutiveFailures, 10))
            var wait = max(interval, min(retryCap, backoff))
            if let asked = cycleRetryAfter {
                // Rate limited: wait as asked, up to the cap; `r` still tries at once.
                wait = max(wait, min(maxRetryAfter, asked))
                connection.rateLimitedUntil = now.addingTimeInterval(wait)
            } else {
                connection.rateLimitedUntil = nil
            }
            if cycleTooLarge { wait = max(wait, maxRetryAfter) }
            nextRefreshAt = now.addingTimeInterval(wait)
        } else {
            connection.consecutiveFailures = 0
            connection.lastSuccessAt = now
            connection.staleSince = nil
            connection.lastError = nil
            connection.rateLimitedUntil = nil
            // From the cycle's start, so `--refresh 1` means a cycle a second, not one second
            // after the last answer (which the once-a-second tick would round up to two).
            nextRefreshAt = (cycleStartedAt ?? now).addingTimeInterval(interval)
            if store.isFullyLoaded { hasLoaded = true }
        }
        justFired = []
        if !cycleFailed, let stats {
            history.append(StatsHistory.Sample(at: now, stats: stats, arrivals: arrivals, completions: completions))
            justFired = rules.evaluate(history, thresholds: runbook)
        }
        changes = pending
        departed = pendingDeparted
        pending = ChangeSet()
        pendingDeparted = [:]
        return true
    }

    /// A cycle still out long after the last success (a hung API) makes the data stale now,
    /// not when the request finally times out.
    mutating func noteHang(now: Date, staleAfter: Double) {
        guard inFlight > 0, connection.staleSince == nil, let last = connection.lastSuccessAt,
              now.timeIntervalSince(last) > staleAfter else { return }
        connection.staleSince = last
    }
}

/// What an attention evaluation read besides the store and the clock.
struct AttentionInputs: Sendable, Equatable {
    var workersPolling: Int?
    var pending: Int?
    var stalledClaim: Bool
    var backlog: Bool
    var noWorkers: Bool
}

/// A walk over every page of the list, one page per refresh cycle (all at once on the first
/// load), each page read with the cursor of the page before it. When it reaches the last page,
/// every item the API still has was returned by some read since the sweep began.
struct Sweep: Sendable, Equatable {
    /// The cycle the sweep began in: items no read returned since then are gone.
    var startGeneration = 1
    /// The page the sweep reads next.
    var nextPage = 0
}

/// Which items a refresh cycle brought, changed or found gone.
public struct ChangeSet: Sendable, Equatable {
    public var new: Set<String> = []
    public var changed: Set<String> = []
    public var gone: Set<String> = []

    public init() {}

    public var isEmpty: Bool { new.isEmpty && changed.isEmpty && gone.isEmpty }

    /// How a row is marked for one refresh.
    public func mark(_ id: String) -> ChangeMark? {
        if gone.contains(id) { return .gone }
        if new.contains(id) { return .new }
        if changed.contains(id) { return .changed }
        return nil
    }
}

/// The lead-column mark of a row that changed in the last refresh: readable without colour.
public enum ChangeMark: Sendable, Equatable {
    case new, changed, gone

    public var symbol: String {
        switch self {
        case .new: "+"
        case .changed: "*"
        case .gone: "-"
        }
    }
}
