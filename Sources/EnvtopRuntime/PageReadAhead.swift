import EnvtopCore
import EnvtopModels
import Synchronization

/// The next page of a walk, asked for as soon as the page before it arrives.
///
/// The first load reads every page in turn, each with the cursor of the page before it, so
/// nothing can run in parallel across pages; but the next request need not wait while the
/// dashboard merges the page it just got. When a `PageRequest` says `readAhead`, the runner starts
/// the next page's request at once and keeps its answer here; the reducer's request for that page
/// (same environment, cursor, size and refresh cycle) then takes it instead of asking again. The
/// API sees the same requests, sooner. An answer from another cycle is never used: its key differs.
final class PageReadAhead: Sendable {
    struct Key: Hashable, Sendable {
        var environmentID: String
        var cursor: String?
        var limit: Int
        var generation: Int

        init(_ request: PageRequest) {
            environmentID = request.environmentID
            cursor = request.cursor
            limit = request.limit
            generation = request.generation
        }
    }

    typealias Answer = Task<Result<WorkPage, APIError>, Never>

    private let pending = Mutex<[Key: Answer]>([:])

    /// Starts `fetch` for `request` unless it is already out; drops what an environment read
    /// ahead for an earlier cycle and nobody took (its walk ended early).
    func start(_ request: PageRequest, _ fetch: @escaping @Sendable () async -> Result<WorkPage, APIError>) {
        let key = Key(request)
        pending.withLock { pending in
            guard pending[key] == nil else { return }
            for old in pending.keys where old.environmentID == key.environmentID && old.generation != key.generation {
                pending[old]?.cancel()
                pending[old] = nil
            }
            pending[key] = Task { await fetch() }
        }
    }

    /// The answer read ahead for `request`, if there is one; it is handed out once.
    func take(_ request: PageRequest) -> Answer? {
        pending.withLock { $0.removeValue(forKey: Key(request)) }
    }

    /// How many answers wait to be taken (tests).
    var count: Int { pending.withLock { $0.count } }
}
