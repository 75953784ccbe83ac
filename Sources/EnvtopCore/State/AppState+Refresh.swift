import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension AppState {
    /// Starts a refresh cycle for each feed that is due and has none running: a feed's
    /// refreshes never overlap, and feeds never wait on each other.
    mutating func refreshIfDue() -> [Effect] {
        var effects: [Effect] = []
        for i in feeds.indices where feeds[i].inFlight == 0 {
            if feeds[i].refreshRequested || (!paused && now >= feeds[i].nextRefreshAt) { effects += startCycle(i) }
        }
        return effects
    }

    /// Asks for a refresh of every feed (or one) now, or as soon as its running one ends.
    mutating func requestRefresh(_ environmentID: String? = nil) -> [Effect] {
        for i in feeds.indices where environmentID == nil || feeds[i].environmentID == environmentID {
            feeds[i].refreshRequested = true
        }
        return refreshIfDue()
    }

    mutating func startCycle(_ i: Int) -> [Effect] {
        feeds[i].startCycle(now: now, visiblePages: visiblePages(of: feeds[i]), pageSize: options.pageSize)
    }

    /// The pages of one feed that hold rows on screen.
    func visiblePages(of feed: Feed) -> [Int] {
        guard !visible.isEmpty else { return [] }
        let end = min(visible.count, listScroll + layout.pageRows)
        var pages: [Int] = []
        for row in max(0, listScroll)..<max(listScroll, end) where visible.environmentID(at: row) == feed.environmentID {
            if let page = feed.store.page(of: visible.ids[row]), !pages.contains(page) { pages.append(page) }
        }
        return pages.sorted()
    }

    mutating func statsLoaded(
        env: String, generation g: Int, result: Result<QueueStats, APIError>, latency: Double, at: Date
    ) -> [Effect] {
        guard let i = feedIndex[env], feeds[i].accepts(environmentID: env, generation: g) else { return [] }  // a late reply
        now = max(now, at)
        switch result {
        case .success(let stats):
            feeds[i].stats = stats
            feeds[i].connection.recordLatency(latency)
        case .failure(let error):
            feeds[i].fail(error)
        }
        return finishRequest(i)
    }

    mutating func pageLoaded(_ request: PageRequest, result: Result<WorkPage, APIError>, at: Date) -> [Effect] {
        guard let i = feedIndex[request.environmentID],
              feeds[i].accepts(environmentID: request.environmentID, generation: request.generation) else { return [] }
        now = max(now, at)
        switch result {
        case .success(let page):
            let walking = !feeds[i].store.isFullyLoaded
            let revisionBefore = feeds[i].store.revision
            guard let sweep = feeds[i].merge(page, request: request) else {
                // Unchanged bytes the store can no longer vouch for: read the page again in full,
                // as part of the same cycle (its answer finishes this request).
                var again = request
                again.knownDigest = nil
                return [.fetchPage(again)]
            }
            if sweep.removed > 0, sweep.removed * 2 > sweep.before {
                show(.dataChanged(gone: sweep.removed, of: sweep.before))
            }
            if sweep.cursorRepeated { show(.paginationRepeats(page: request.index + 1, items: feeds[i].store.count)) }
            // Said once for each item that cannot be read, not at every refresh of its page.
            let fresh = page.unreadable.filter { reportedUnreadable.insert("\(request.environmentID) \($0)").inserted }
            if let first = fresh.first {
                show(.unreadableItems(
                    count: fresh.count, page: request.index + 1, environment: tag(request.environmentID), first: first))
            }
            if case .stopDialog(var dialog) = overlay, dialog.ref.environmentID == request.environmentID,
               let fresh = feeds[i].store[dialog.workID]
            {
                dialog.current = fresh
                overlay = .stopDialog(dialog)
            }
            // The first load walks every page back to back, within the same cycle. A relist costs
            // every item of every feed, so how often one happens follows the total, not this
            // feed's count: 20 environments of 5,000 items relisted 100,000 items a page. While
            // walking, the list is shown again each time the items held doubled (so the walk's
            // relists cost about two final ones) or a second passed.
            let store = feeds[i].store
            let total = totalStoredItems
            if walking, !store.isFullyLoaded, request.index + 1 < store.pageCursors.count {
                if request.index == 0 || total >= 2 * listedItems || now.timeIntervalSince(listedAt ?? .distantPast) >= 1 {
                    recomputeList()
                }
                return [.fetchPage(feeds[i].pageRequest(request.index + 1, pageSize: options.pageSize, readAhead: true))]
            }
            // An unchanged page (the usual refresh) leaves the list as it is.
            let changed = feeds[i].store.revision != revisionBefore
            if (changed && total <= 20_000 && feeds.count == 1) || walking || sweep.removed > 0 { recomputeList() }
        case .failure(let error):
            feeds[i].fail(error)
        }
        return finishRequest(i)
    }

    /// Counts an answered request of feed `i`; when its cycle is complete, publishes it and
    /// lists again if anything changed.
    mutating func finishRequest(_ i: Int) -> [Effect] {
        let departedBefore = feeds[i].departed.count
        guard feeds[i].finishRequest(
            now: now, interval: options.refreshInterval, retryCap: options.retryCap, maxRetryAfter: options.maxRetryAfter) else {
            return []
        }
        // Nothing new and no age crossed a threshold: the list on screen is still right. Rows
        // shown as gone leave after one refresh, so a feed with any lists again.
        if listedRevisions != feeds.map(\.store.revision) || departedBefore > 0 || !feeds[i].departed.isEmpty {
            relistSoon()
        } else {
            catchUpWithClock()
        }
        followUpStops()
        var effects: [Effect] = []
        if !feeds[i].justFired.isEmpty {
            if options.bell { effects.append(.bell) }
            // Items behind a rule join "needs attention" at once (the rule is an input of the
            // attention set); the list is built again only if it shows by attention.
            catchUpWithClock()
        }
        return effects + (feeds[i].refreshRequested ? startCycle(i) : [])
    }

    /// Typing extends the search: only rows already shown can still match, in the same order,
    /// so filter them instead of searching and sorting every store again.
    mutating func narrowList() {
        let needles = search.parsed.terms.compactMap { term -> [UInt8]? in
            if case .text(let needle) = term.condition { return needle }
            return nil
        }
        // Rows come in runs of one environment whose ids share one string: look the feed up
        // only when the environment changes (an identical string compares in O(1)), and keep its
        // haystacks and departed items in locals: binding a whole Feed per row copied it (and
        // retained everything in it) 100,000 times a keystroke.
        var environment: String?
        var haystacks: [String: WorkStore.Entry] = [:]
        var departed: [String: WorkItem] = [:]
        let feeds = self.feeds
        let index = feedIndex
        let rows = visible
        visible = rows.narrowed(haystack: { row in
            let environmentID = rows.environmentID(at: row)
            if environmentID != environment {
                environment = environmentID
                let feed = index[environmentID].map { feeds[$0] }
                haystacks = feed?.store.entries ?? [:]
                departed = feed?.departed ?? [:]
            }
            let id = rows.ids[row]
            if !departed.isEmpty, let gone = departed[id] { return WorkStore.haystack(for: gone) }
            return haystacks[id]?.haystack
        }, keep: { hay in
            for needle in needles where !WorkStore.contains(hay, needle) { return false }
            return true
        })
        reselect()
    }

    /// Every item held, across the feeds.
    var totalStoredItems: Int { feeds.reduce(0) { $0 + $1.store.count } }

    /// Relists now, or at the next tick when the list was relisted less than half a refresh
    /// ago with several feeds and many items: what changed shows within a second either way.
    mutating func relistSoon() {
        let recent = now.timeIntervalSince(listedAt ?? .distantPast) < options.refreshInterval / 2
        if feeds.count > 1, recent, totalStoredItems > 5000 {
            relistPending = true
        } else {
            recomputeList()
        }
    }

    /// Brings up to date what changed with no new items: attention of the feeds where an age
    /// crossed a threshold or the stats or rules it reads moved (that feed's items only), and
    /// the list when it depends on attention (the filter, the sort, `attention:`) or when a
    /// search term compares ages (`age:>5m`, listed again every few seconds). An idle queue
    /// then costs no pass over its items at all.
    mutating func catchUpWithClock() {
        if reevaluateAttention() && listReadsAttention
            || search.parsed.dependsOnClock && now.timeIntervalSince(listedAt ?? .distantPast) >= 5
        {
            recomputeList()
        }
    }

    /// Evaluates attention again for the feeds where it may have moved (`Feed.attentionStale`),
    /// and only those; returns whether any item joined or left the set or changed its reason.
    @discardableResult
    mutating func reevaluateAttention() -> Bool {
        var changed = false
        for i in feeds.indices where feeds[i].attentionStale(now: now) {
            if feeds[i].evaluateAttention(now: now, thresholds: options.thresholds) { changed = true }
        }
        return changed
    }

    /// Whether which rows show, or their order, depends on the attention set.
    var listReadsAttention: Bool {
        filter == .needsAttention || sort == .attention || search.parsed.readsAttention
    }

    /// Re-evaluates attention and the visible list, keeping the selection on the same item.
    /// Attention is evaluated again only for feeds whose items, stats or clock boundary moved.
    mutating func recomputeList() {
        relistPending = false
        reevaluateAttention()
        visible = VisibleRows()  // the old rows go before the new ones are built: one list in memory, not two
        visible = ListQuery.visible(feeds: feeds, only: scopedOnly, environments: options.environments, filter: filter, query: search.parsed, now: now, sort: sort)
        listedRevisions = feeds.map(\.store.revision)
        listedAt = now
        listedItems = totalStoredItems
        pruneMarks()
        reselect()
    }
}
