#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The queue's health (`type: "work_queue_stats"`), cheap for the server to compute.
public struct QueueStats: Sendable, Hashable, Codable {
    /// Items waiting to be picked up.
    public var depth: Int
    /// Items polled but not yet acknowledged.
    public var pending: Int
    /// The oldest item in the stream, queued or pending; `nil` when the stream is empty.
    public var oldestQueuedAt: Date?
    /// Workers that polled in the last 30 s; `nil` when the server cannot tell.
    public var workersPolling: Int?

    public init(depth: Int, pending: Int, oldestQueuedAt: Date?, workersPolling: Int?) {
        self.depth = depth
        self.pending = pending
        self.oldestQueuedAt = oldestQueuedAt
        self.workersPolling = workersPolling
    }

    enum CodingKeys: String, CodingKey {
        case depth, pending, type
        case oldestQueuedAt = "oldest_queued_at"
        case workersPolling = "workers_polling"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        depth = try c.decode(Int.self, forKey: .depth)
        pending = try c.decode(Int.self, forKey: .pending)
        oldestQueuedAt = try c.decodeTimestampIfPresent(forKey: .oldestQueuedAt)
        workersPolling = try c.decodeIfPresent(Int.self, forKey: .workersPolling)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("work_queue_stats", forKey: .type)
        try c.encode(depth, forKey: .depth)
        try c.encode(pending, forKey: .pending)
        try c.encodeTimestamp(oldestQueuedAt, forKey: .oldestQueuedAt)
        if let workersPolling { try c.encode(workersPolling, forKey: .workersPolling) } else {
            try c.encodeNil(forKey: .workersPolling)
        }
    }
}
