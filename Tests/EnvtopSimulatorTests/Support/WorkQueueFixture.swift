import EnvtopModels
import Foundation

@testable import EnvtopSimulator

/// A work queue holding `items` queued session items created one second apart from `t0`.
enum WorkQueueFixture {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func queue(items: Int = 0) -> WorkQueue {
        var queue = WorkQueue(environmentID: "env_test", defaultLeaseTTLSeconds: 20)
        for index in 0..<items {
            queue.enqueue(
                workID: "work_\(index)", data: WorkData(id: "session_\(index)"), metadata: [:],
                now: t0.addingTimeInterval(Double(index)))
        }
        return queue
    }
}
