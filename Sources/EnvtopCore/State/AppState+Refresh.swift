import EnvtopModels
import Foundation

extension AppState {
    /// Starts a refresh cycle when one is due and none is running: refreshes never overlap.
    mutating func refreshIfDue() -> [Effect] {
        guard inFlight == 0 else { return [] }
        if refreshRequested || (!paused && now >= nextRefreshAt) { return startCycle() }
        return []
    }

    /// Asks for a refresh now, or as soon as the running one ends.
    mutating func requestRefresh() -> [Effect] {
        refreshRequested = true
        return refreshIfDue()
    }

    mutating func startCycle() -> [Effect] {
        refreshRequested = false
        cycleStartedAt = now
        generation += 1
        cycleFailed = false
        let env = options.environmentID
        var effects: [Effect] = [.fetchStats(environmentID: env, generation: generation)]
        let pages = RefreshPlanner.pages(store: store, visiblePages: visiblePages(), sweepCursor: sweepCursor)
        if store.isFullyLoaded { sweepCursor += 1 }
        for index in pages where index < store.pageCursors.count {
            effects.append(.fetchPage(pageRequest(index)))
        }
        inFlight = effects.count
        return effects
    }

    func pageRequest(_ index: Int) -> PageRequest {
        PageRequest(
            environmentID: options.environmentID, index: index, cursor: store.pageCursors[index],
            limit: options.pageSize, generation: generation)
    }

    /// The pages that hold the rows on screen.
    func visiblePages() -> [Int] {
        guard !visibleIDs.isEmpty else { return [] }
        let end = min(visibleIDs.count, listScroll + layout.pageRows)
        var pages: [Int] = []
        for row in max(0, listScroll)..<max(listScroll, end) {
            if let page = store.page(of: visibleIDs[row]), !pages.contains(page) { pages.append(page) }
        }
        return pages.sorted()
    }

    mutating func statsLoaded(
        env: String, generation g: Int, result: Result<QueueStats, APIError>, latency: Double, at: Date
    ) -> [Effect] {
        guard env == options.environmentID, g == generation else { return [] }  // a late reply
        now = max(now, at)
        switch result {
        case .success(let stats):
            self.stats = stats
            connection.recordLatency(latency)
        case .failure(let error):
            fail(error)
        }
        return finishRequest()
    }

    mutating func pageLoaded(_ request: PageRequest, result: Result<WorkPage, APIError>, at: Date) -> [Effect] {
        guard request.environmentID == options.environmentID, request.generation == generation else { return [] }
        now = max(now, at)
        switch result {
        case .success(let page):
            let walking = !store.isFullyLoaded
            store.apply(page: page, index: request.index)
            if case .stopDialog(var dialog) = overlay, let fresh = store[dialog.workID] {
                dialog.current = fresh
                overlay = .stopDialog(dialog)
            }
            // The first load walks every page back to back, within the same cycle.
            if walking, !store.isFullyLoaded, request.index + 1 < store.pageCursors.count {
                if request.index == 0 || store.count <= 5000 || request.index % 25 == 0 { recomputeList() }
                return [.fetchPage(pageRequest(request.index + 1))]
            }
            if store.count <= 20_000 || walking { recomputeList() }
        case .failure(let error):
            fail(error)
        }
        return finishRequest()
    }

    mutating func fail(_ error: APIError) {
        cycleFailed = true
        connection.errorCount += 1
        connection.lastError = error
    }

    /// Counts an answered request; when the cycle is complete, records its outcome and schedules
    /// the next one (with backoff after failures).
    mutating func finishRequest() -> [Effect] {
        inFlight = max(0, inFlight - 1)
        guard inFlight == 0 else { return [] }
        let interval = options.refreshInterval
        if cycleFailed {
            connection.consecutiveFailures += 1
            if connection.staleSince == nil { connection.staleSince = connection.lastSuccessAt ?? now }
            let backoff = min(options.maxBackoff, interval * pow(2, Double(min(connection.consecutiveFailures, 10))))
            nextRefreshAt = now.addingTimeInterval(max(interval, backoff))
        } else {
            connection.consecutiveFailures = 0
            connection.lastSuccessAt = now
            connection.staleSince = nil
            connection.lastError = nil
            // From the cycle's start, so `--refresh 1` means a cycle a second, not one second
            // after the last answer (which the once-a-second tick would round up to two).
            nextRefreshAt = (cycleStartedAt ?? now).addingTimeInterval(interval)
        }
        // Nothing new and attention re-evaluated recently: the list on screen is still right.
        if store.revision != listedRevision || now.timeIntervalSince(listedAt ?? .distantPast) >= 5 {
            recomputeList()
        }
        return refreshRequested ? startCycle() : []
    }

    /// Typing extends the search: only rows already shown can still match, in the same order,
    /// so filter them instead of searching and sorting the whole store again.
    mutating func narrowList() {
        let needle = Array(search.query.lowercased().utf8)
        visibleIDs = visibleIDs.filter { store.matches($0, lowercasedNeedle: needle) }
        reselect()
    }

    /// Re-evaluates attention and the visible list, keeping the selection on the same item.
    mutating func recomputeList() {
        var flagged: [String: Attention] = [:]
        let polling = stats?.workersPolling
        for (id, item) in store.byID {
            if let reason = Attention.evaluate(item, now: now, thresholds: options.thresholds, workersPolling: polling) {
                flagged[id] = reason
            }
        }
        attention = flagged
        visibleIDs = ListQuery.visibleIDs(
            store: store, filter: filter, search: search.query, sort: sort, attention: attention)
        listedRevision = store.revision
        listedAt = now
        reselect()
    }
}
