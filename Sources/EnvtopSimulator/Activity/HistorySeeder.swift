import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A lease from the seeded history that a simulated worker carries on from the start, so a
/// live demo has healthy active items at once (and nothing is orphaned by the seeding itself).
struct AdoptedLease: Sendable, Equatable {
    enum Behaviour: Sendable, Equatable {
        /// Keeps beating and finishes the session.
        case healthy
        /// Its first beat answers `stopping` (the item was stopped before it started).
        case firstBeatStopping
    }

    var workID: String
    var lastHeartbeat: String?
    var behaviour: Behaviour
}

/// Seeds each environment with history: finished sessions, waiting and running ones, and every
/// trouble case an operator meets (dead worker, stuck `stopping`, never acknowledged, never
/// started, hostile metadata), all from the seed.
enum HistorySeeder {
    /// The trouble cases, most important first: a small history keeps the first ones.
    enum Kind: CaseIterable {
        case deadWorker, stuckStopping, pending, neverStarted, firstBeatStopping, hostileMetadata
        case longMetadata, queuedOld, healthcheckStopped, forceStoppedQueued
    }

    /// Seeds every environment and returns the leases live workers should adopt, by environment.
    @discardableResult
    static func seed(
        state: SimulatorState, configuration: SimulatorConfiguration, now: Date
    ) async throws -> [String: [AdoptedLease]] {
        var adoptions: [String: [AdoptedLease]] = [:]
        let root = SplitMix64(seed: configuration.seed)
        for (index, environmentID) in await state.environmentIDs.enumerated() {
            var random = root.derived(500 + UInt64(index))
            let ids = await state.makeIDs(count: configuration.initialItemsPerEnvironment)
            let plan = plan(
                count: ids.count, activeLeases: configuration.workersPerEnvironment, using: &random)
            var records: [WorkQueue.Record] = []
            var leases: [AdoptedLease] = []
            for (slot, (kind, id)) in zip(plan, ids).enumerated() {
                let age = Double(plan.count - slot) * 40 + Double.random(in: 0..<30, using: &random)
                let record = makeRecord(
                    kind, workID: id.work, sessionID: id.session, environmentID: environmentID,
                    createdAt: now.addingTimeInterval(-age - 600), now: now,
                    ttl: configuration.leaseTTLSeconds, using: &random)
                if let behaviour = kind.adoption {
                    leases.append(AdoptedLease(workID: id.work, lastHeartbeat: record.lastHeartbeat, behaviour: behaviour))
                }
                records.append(record)
            }
            // Positions follow creation time, as they do for items that arrive live.
            records.sort { $0.item.createdAt < $1.item.createdAt }
            try await state.insertHistory(environmentID: environmentID, records: records)
            adoptions[environmentID] = leases
        }
        return adoptions
    }

    /// What each history slot becomes, in creation order: the trouble cases first (they are the
    /// oldest, which is what makes them trouble), then finished work, running work, waiting work.
    static func plan(count: Int, activeLeases: Int, using random: inout SplitMix64) -> [PlannedKind] {
        guard count > 0 else { return [] }
        var plan: [PlannedKind] = Kind.allCases.prefix(count).map { .trouble($0) }
        let rest = count - plan.count
        // One worker adopts the `firstBeatStopping` item; the others adopt healthy active items.
        let adoptedTrouble = plan.contains(.trouble(.firstBeatStopping)) ? 1 : 0
        let active = min(max(0, activeLeases - adoptedTrouble), rest / 3)
        let queued = rest >= 10 ? 3 : 0
        let finished = rest - active - queued
        plan += Array(repeating: .finished, count: max(0, finished))
        plan.shuffle(using: &random)
        plan += Array(repeating: .activeHealthy, count: active)
        plan += Array(repeating: .queuedFresh, count: queued)
        return plan
    }

    enum PlannedKind: Equatable {
        case trouble(Kind)
        case finished, activeHealthy, queuedFresh

        var adoption: AdoptedLease.Behaviour? {
            switch self {
            case .activeHealthy: .healthy
            case .trouble(.firstBeatStopping): .firstBeatStopping
            default: nil
            }
        }
    }

    static func makeRecord(
        _ kind: PlannedKind, workID: String, sessionID: String, environmentID: String, createdAt: Date, now: Date,
        ttl: Int, using random: inout SplitMix64
    ) -> WorkQueue.Record {
        var item = WorkItem(
            id: workID, environmentID: environmentID, state: .queued, data: WorkData(id: sessionID),
            metadata: MetadataPool.typical(using: &random), createdAt: createdAt)
        var record = WorkQueue.Record(item: item, lastHeartbeat: nil, leaseTTLSeconds: ttl, polledAt: nil)
        func beat(_ date: Date) {
            let stamp = RFC3339.format(date)
            record.lastHeartbeat = stamp
            item.latestHeartbeatAt = RFC3339.parse(stamp)
        }
        let ackDelay = Double.random(in: 1...20, using: &random)
        switch kind {
        case .finished:
            let started = createdAt.addingTimeInterval(ackDelay + 1)
            let stopped = started.addingTimeInterval(Double.random(in: 20...300, using: &random))
            item.acknowledgedAt = createdAt.addingTimeInterval(ackDelay)
            item.startedAt = started
            item.state = .stopped
            beat(min(stopped, now))
            item.stoppedAt = min(stopped, now)
            item.stopRequestedAt = random.chance(0.2) ? item.stoppedAt!.addingTimeInterval(-3) : item.stoppedAt
        case .activeHealthy:
            let started = now.addingTimeInterval(-Double.random(in: 30...400, using: &random))
            item.createdAt = started.addingTimeInterval(-ackDelay - 1)
            item.acknowledgedAt = started.addingTimeInterval(-1)
            item.startedAt = started
            item.state = .active
            beat(now.addingTimeInterval(-Double.random(in: 0...(Double(ttl) / 3), using: &random)))
        case .queuedFresh:
            item.createdAt = now.addingTimeInterval(-Double.random(in: 1...20, using: &random))
        case .trouble(let trouble):
            switch trouble {
            case .deadWorker:
                item.metadata = MetadataPool.long
                item.acknowledgedAt = now.addingTimeInterval(-420)
                item.startedAt = now.addingTimeInterval(-415)
                item.state = .active
                beat(now.addingTimeInterval(-190))
            case .stuckStopping:
                item.acknowledgedAt = now.addingTimeInterval(-900)
                item.startedAt = now.addingTimeInterval(-895)
                item.state = .stopping
                beat(now.addingTimeInterval(-560))
                item.stopRequestedAt = now.addingTimeInterval(-540)
            case .pending:
                record.polledAt = now.addingTimeInterval(-1)
            case .neverStarted:
                item.acknowledgedAt = now.addingTimeInterval(-240)
                item.state = .starting
            case .firstBeatStopping:
                item.createdAt = now.addingTimeInterval(-6)
                item.acknowledgedAt = now.addingTimeInterval(-2)
                item.stopRequestedAt = now.addingTimeInterval(-1)
                item.state = .stopping
            case .hostileMetadata:
                item.metadata = MetadataPool.hostile
                item.acknowledgedAt = createdAt.addingTimeInterval(ackDelay)
                item.startedAt = createdAt.addingTimeInterval(ackDelay + 1)
                item.state = .stopped
                item.stoppedAt = createdAt.addingTimeInterval(ackDelay + 100)
                item.stopRequestedAt = item.stoppedAt
                beat(item.stoppedAt!)
            case .longMetadata:
                item.metadata = MetadataPool.long.merging(["attempt": "4"]) { $1 }
            case .queuedOld:
                break
            case .healthcheckStopped:
                item.data = WorkData(id: "hc_" + sessionID.dropFirst("session_".count), kind: .healthcheck)
                item.metadata = [:]
                item.acknowledgedAt = createdAt.addingTimeInterval(1)
                item.state = .stopped
                item.stoppedAt = createdAt.addingTimeInterval(2)
                item.stopRequestedAt = item.stoppedAt
            case .forceStoppedQueued:
                item.state = .stopped
                item.stopRequestedAt = createdAt.addingTimeInterval(30)
                item.stoppedAt = item.stopRequestedAt
            }
        }
        record.item = item
        return record
    }
}
