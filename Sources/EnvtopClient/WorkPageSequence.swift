import EnvtopModels

/// Walks every page of an environment's work list, fetching the next page only when asked.
///
/// Pull-based, so a slow consumer never makes pages pile up, and cancellation is the consumer's
/// own task's. Items can move between pages while the walk runs (the list is live); the walk ends
/// when the server returns no cursor, and fails if it hands back a cursor it already gave, which
/// would otherwise loop forever.
public struct WorkPageSequence: AsyncSequence, Sendable {
    public typealias Element = WorkPage
    public typealias Failure = APIError

    let api: any DashboardAPI
    let environmentID: String
    let pageSize: Int

    public func makeAsyncIterator() -> Iterator {
        Iterator(api: api, environmentID: environmentID, pageSize: pageSize)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let api: any DashboardAPI
        let environmentID: String
        let pageSize: Int
        private var cursor: String?
        private var finished = false
        private var seenCursors: Set<String> = []

        init(api: any DashboardAPI, environmentID: String, pageSize: Int) {
            self.api = api
            self.environmentID = environmentID
            self.pageSize = pageSize
        }

        public mutating func next() async throws(APIError) -> WorkPage? {
            try await next(isolation: nil)
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async throws(APIError) -> WorkPage? {
            guard !finished else { return nil }
            if Task.isCancelled {
                finished = true
                throw .cancelled
            }
            let page: WorkPage
            do {
                page = try await api.listWork(environmentID: environmentID, limit: pageSize, page: cursor)
            } catch {
                finished = true
                throw error
            }
            if let next = page.nextPage {
                guard seenCursors.insert(next).inserted else {
                    finished = true
                    throw .decoding(
                        endpoint: "GET /v1/environments/\(environmentID)/work", field: "next_page",
                        message: "repeats an earlier cursor")
                }
                cursor = next
            } else {
                finished = true
            }
            return page
        }
    }
}

extension DashboardAPI {
    /// Every page of the work list, first to last, `pageSize` items at a time.
    public func allWork(environmentID: String, pageSize: Int) -> WorkPageSequence {
        WorkPageSequence(api: self, environmentID: environmentID, pageSize: pageSize)
    }

    /// Every item of the work list, gathered from all pages (an item that moved between pages
    /// while the walk ran is kept once, in its latest form).
    public func allWorkItems(environmentID: String, pageSize: Int) async throws(APIError) -> [WorkItem] {
        var items: [WorkItem] = []
        var position: [String: Int] = [:]
        var iterator = allWork(environmentID: environmentID, pageSize: pageSize).makeAsyncIterator()
        while let page = try await iterator.next() {
            for item in page.data {
                if let index = position[item.id] {
                    items[index] = item
                } else {
                    position[item.id] = items.count
                    items.append(item)
                }
            }
        }
        return items
    }
}
