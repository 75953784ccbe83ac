import EnvtopModels
import Foundation

extension AppState {
    /// Starts a refresh cycle when one is due and none is running: refreshes never overlap.
    mutating func refreshIfDue() -> [Effect] {
        guard feed.inFlight == 0 else { return [] }
        if feed.refreshRequested || (!paused && now >= feed.nextRefreshAt) { return startCycle() }
        return []
    }

    /// Asks for a refresh now, or as soon as the running one ends.
    mutating func requestRefresh() -> [Effect] {
        feed.refreshRequested = true
        return refreshIfDue()
    }

    mutating func startCycle() -> [Effect] {
        feed.startCycle(now: now, visiblePages: visiblePages(), pageSize: options.pageSize)
    }

    /// The pages that hold the rows on screen.
    func visiblePages() -> [Int] {
        guard !visibleIDs.isEmpty else { return [] }
        let end = min(visibleIDs.count, listScroll + layout.pageRows)
        var pages: [Int] = []
        for row in max(0, listScroll)..<max(listScroll, end) {
            if let page = feed.store.page(of: visibleIDs[row]), !pages.contains(page) { pages.append(page) }
        }
        return pages.sorted()
    }

    mutating func statsLoaded(
        env: String, generation g: Int, result: Result<QueueStats, APIError>, latency: Double, at: Date
    ) -> [Effect] {
        guard feed.accepts(environmentID: env, generation: g) else { return [] }  // a late reply
        now = max(now, at)
        switch result {
        case .success(let stats):
            feed.stats = stats
            feed.connection.recordLatency(latency)
        case .failure(let error):
            feed.fail(error)
        }
        return finishRequest()
    }

    mutating func pageLoaded(_ request: PageRequest, result: Result<WorkPage, APIError>, at: Date) -> [Effect] {
        guard feed.accepts(environmentID: request.environmentID, generation: request.generation) else { return [] }
        now = max(now, at)
        switch result {
        case .success(let page):
            let walking = !feed.store.isFullyLoaded
            let sweep = feed.merge(page, request: request)
            if sweep.removed > 0, sweep.removed * 2 > sweep.before {
                show(.dataChanged(gone: sweep.removed, of: sweep.before))
            }
            if sweep.cursorRepeated { show(.paginationRepeats(page: request.index + 1, items: feed.store.count)) }
            if case .stopDialog(var dialog) = overlay, let fresh = feed.store[dialog.workID] {
                dialog.current = fresh
                overlay = .stopDialog(dialog)
            }
            // The first load walks every page back to back, within the same cycle.
            let store = feed.store
            if walking, !store.isFullyLoaded, request.index + 1 < store.pageCursors.count {
                if request.index == 0 || store.count <= 5000 || request.index % 25 == 0 { recomputeList() }
                return [.fetchPage(feed.pageRequest(request.index + 1, pageSize: options.pageSize))]
            }
            if store.count <= 20_000 || walking || sweep.removed > 0 { recomputeList() }
        case .failure(let error):
            feed.fail(error)
        }
        return finishRequest()
    }

    /// Counts an answered request; when the cycle is complete, publishes it and lists again if
    /// anything changed.
    mutating func finishRequest() -> [Effect] {
        let departedBefore = feed.departed.count
        guard feed.finishRequest(now: now, interval: options.refreshInterval, retryCap: options.retryCap) else {
            return []
        }
        // Nothing new and attention re-evaluated recently: the list on screen is still right.
        // Rows shown as gone leave after one refresh, so a list with any lists again.
        if feed.store.revision != listedRevision || departedBefore > 0 || !feed.departed.isEmpty
            || now.timeIntervalSince(listedAt ?? .distantPast) >= 5
        {
            recomputeList()
        }
        return feed.refreshRequested ? startCycle() : []
    }

    /// Typing extends the search: only rows already shown can still match, in the same order,
    /// so filter them instead of searching and sorting the whole store again.
    mutating func narrowList() {
        let needle = Array(search.query.lowercased().utf8)
        let feed = self.feed
        visibleIDs = visibleIDs.filter { feed.matches($0, lowercasedNeedle: needle) }
        reselect()
    }

    /// Re-evaluates attention and the visible list, keeping the selection on the same item.
    mutating func recomputeList() {
        var flagged: [String: Attention] = [:]
        let polling = feed.stats?.workersPolling
        for (id, item) in feed.store.byID {
            if let reason = Attention.evaluate(item, now: now, thresholds: options.thresholds, workersPolling: polling) {
                flagged[id] = reason
            }
        }
        attention = flagged
        visibleIDs = ListQuery.visibleIDs(
            feed: feed, filter: filter, search: search.query, sort: sort, attention: attention)
        listedRevision = feed.store.revision
        listedAt = now
        reselect()
    }
}
