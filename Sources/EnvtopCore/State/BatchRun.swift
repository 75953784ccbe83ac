import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A confirmed batch of stops, sent one at a time at a steady pace.
///
/// Each target is re-read right before its stop (`Effect.fetchItem`) and skipped if it has
/// stopped meanwhile, is gone, or has a stop in flight; only then is its one stop sent. `Esc`
/// cancels what is not sent yet. The answers come back through the usual stop events, which the
/// run counts; when every sent stop is answered the run ends with a summary.
public struct BatchRun: Sendable, Equatable {
    public struct Failure: Sendable, Equatable {
        public var ref: ItemRef
        public var error: APIError
        /// True when the stop was never sent: the re-read before it failed.
        public var notSent: Bool
    }

    /// A number for this run (the audit log's batch id).
    public let number: Int
    public let mode: StopMode
    public let targets: [ItemRef]
    /// Seconds between two stops (1 / stops per second).
    public let interval: Double
    /// Items the dialog already knew would be skipped (stopped, or a stop in flight).
    public let preSkipped: Int
    /// The next target to read.
    public internal(set) var position = 0
    /// The target whose re-read is out.
    public internal(set) var reading: ItemRef?
    /// Stops sent and not answered yet.
    public internal(set) var inFlight: Set<ItemRef> = []
    public internal(set) var done: [ItemRef] = []
    public internal(set) var skipped: [ItemRef] = []
    public internal(set) var failed: [Failure] = []
    public internal(set) var cancelled = false
    /// The operator's reason, sent with every stop of the run.
    public internal(set) var reason: String?
    /// No stop goes before this (the pace).
    var notBefore: Date

    init(number: Int, mode: StopMode, targets: [ItemRef], preSkipped: Int = 0, stopsPerSecond: Double, now: Date) {
        self.number = number
        self.preSkipped = preSkipped
        self.mode = mode
        self.targets = targets
        self.interval = 1 / max(0.1, stopsPerSecond)
        self.notBefore = now
    }

    /// Sent so far.
    public var sent: Int { done.count + failed.count + inFlight.count }

    /// True when nothing more will be read or sent and every sent stop was answered.
    public var isFinished: Bool {
        (cancelled || position >= targets.count) && reading == nil && inFlight.isEmpty
    }

    /// Whether `ref` belongs to this run and its stop was sent.
    public func owns(_ ref: ItemRef) -> Bool { inFlight.contains(ref) }

    /// The next target to read, if it is time.
    mutating func nextToRead(now: Date) -> ItemRef? {
        guard !cancelled, reading == nil, position < targets.count, now >= notBefore else { return nil }
        let ref = targets[position]
        position += 1
        reading = ref
        return ref
    }

    mutating func skip(_ ref: ItemRef) {
        if reading == ref { reading = nil }
        skipped.append(ref)
    }

    /// The stop for `ref` goes now; the next one waits for the pace.
    mutating func send(_ ref: ItemRef, now: Date) {
        if reading == ref { reading = nil }
        inFlight.insert(ref)
        notBefore = now.addingTimeInterval(interval)
    }

    /// Every item the operator confirmed, skipped ones included.
    public var total: Int { targets.count + preSkipped }

    mutating func answered(_ ref: ItemRef, failure: APIError?) {
        guard inFlight.remove(ref) != nil else { return }
        if let failure { failed.append(Failure(ref: ref, error: failure, notSent: false)) } else { done.append(ref) }
    }

    mutating func cancel() {
        cancelled = true
    }
}

/// Which batch a stop belongs to, and its place in it (for the audit log).
public struct BatchTag: Sendable, Hashable {
    public var number: Int
    /// From 1.
    public var position: Int

    public init(number: Int, position: Int) {
        self.number = number
        self.position = position
    }
}

/// What a finished batch did, for its notice (and the audit log to come).
public struct BatchSummary: Sendable, Equatable {
    public var mode: StopMode
    public var done: Int
    public var total: Int
    public var skipped: Int
    public var failed: [BatchRun.Failure]
    public var cancelled: Bool
    /// Confirmed but never sent (a cancelled run).
    public var unsent: Int

    public init(_ run: BatchRun) {
        mode = run.mode
        done = run.done.count
        total = run.total
        skipped = run.skipped.count
        failed = run.failed
        cancelled = run.cancelled
        unsent = run.total - run.done.count - run.skipped.count - run.failed.count
    }
}
