import AsyncHTTPClient

/// Runs a request against a deadline that covers everything, the body included, and cancels it
/// when the deadline passes first: the answer is then `HTTPClientError.deadlineExceeded`, which
/// reads as "no complete answer within …".
enum RequestDeadline {
    static func within<T: Sendable>(
        _ limit: Duration, _ work: @escaping @Sendable () async throws -> T
    ) async -> Result<T, any Error> {
        await withTaskGroup(of: Result<T, any Error>?.self) { group in
            group.addTask { await capture(work) }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .failure(HTTPClientError.deadlineExceeded)
        }
    }

    /// A plain function, not a closure with a `do` in the child task (which the optimiser has
    /// been seen to miscompile with typed throws).
    private static func capture<T: Sendable>(_ work: @Sendable () async throws -> T) async -> Result<T, any Error> {
        do { return .success(try await work()) } catch { return .failure(error) }
    }
}
