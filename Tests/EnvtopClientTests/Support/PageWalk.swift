import EnvtopClient
import EnvtopModels

/// A walk gave up: more pages than the test allowed (a server bug, or a list that keeps growing).
struct PageWalkTooLong: Error {
    let pages: Int
}

/// Every page of an environment's work list, first to last, through `listWork` with each page's
/// `next_page`; `body` sees each page before the next is fetched (a test can change the list
/// between pages). Test-only: the dashboard pages in `EnvtopCore` (`Feed`, `RefreshPlanner`).
/// Throws the first call's error, or `PageWalkTooLong` after `maxPages` pages, so a server that
/// never ends the list fails the test instead of hanging it.
@discardableResult
func walkPages(
    _ api: some DashboardAPI, environmentID: String, pageSize: Int, maxPages: Int = 1000,
    _ body: (WorkPage) async throws -> Void = { _ in }
) async throws -> [WorkPage] {
    var pages: [WorkPage] = []
    var cursor: String?
    repeat {
        guard pages.count < maxPages else { throw PageWalkTooLong(pages: pages.count) }
        let page = try await api.listWork(environmentID: environmentID, limit: pageSize, page: cursor)
        pages.append(page)
        try await body(page)
        cursor = page.nextPage
    } while cursor != nil
    return pages
}
