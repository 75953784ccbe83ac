import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One simulated worker process, behaving like the SDK's worker: poll, ack, heartbeat every
/// min(ttl/2, 30 s), end the session when a beat answers `stopping` and force-stop the item
/// itself. Now and then, as the environment's profile says, it misbehaves: never acknowledges an
/// item, ignores a graceful stop and walks away, or dies mid-session (a new process with a new
/// worker id takes its place).
struct SimulatedWorker: Sendable {
    /// What happens to one claimed item.
    enum Fate: Sendable, Equatable {
        case finishes
        case ignoresStop
        case dies
    }

    let state: SimulatorState
    let environmentID: String
    let profile: EnvironmentProfile
    let name: String
    var random: SplitMix64
    private(set) var generation = 0
    /// The lease TTL the worker assumes until a heartbeat tells it.
    private var ttlSeconds = Double(APIConstants.defaultLeaseTTLSeconds)

    init(state: SimulatorState, environmentID: String, profile: EnvironmentProfile, name: String, random: SplitMix64) {
        self.state = state
        self.environmentID = environmentID
        self.profile = profile
        self.name = name
        self.random = random
    }

    /// The `Anthropic-Worker-ID` this process polls with.
    var workerID: String { "\(name)-\(generation)" }

    /// The SDK's heartbeat interval for the lease TTL the server reported.
    var heartbeatInterval: Double { max(1, min(ttlSeconds / 2, Double(APIConstants.maxHeartbeatIntervalSeconds))) }

    /// Runs until the task is cancelled.
    mutating func run(adopting lease: AdoptedLease?) async {
        if let lease {
            // Either way the worker behaves as a healthy one; a `firstBeatStopping` lease simply
            // learns on its first beat that it must stop.
            await serve(workID: lease.workID, lastHeartbeat: lease.lastHeartbeat, fate: .finishes)
        }
        while !Task.isCancelled {
            await step()
        }
    }

    /// One poll and, when it finds work, the whole life of that item.
    mutating func step() async {
        // The "no workers" trouble: this worker does not poll (workers_polling drops to 0).
        if await state.workersPaused(environmentID: environmentID) {
            await pause(1)
            return
        }
        let claimed = try? await state.poll(
            environmentID: environmentID, workerID: workerID,
            reclaimAfter: Double(APIConstants.defaultReclaimMilliseconds) / 1000)
        guard let item = claimed else {
            // The SDK sleeps 1-3 s after an empty poll.
            await pause(Double.random(in: 1...3, using: &random))
            return
        }
        if random.chance(profile.neverAckProbability) {
            await pause(Double.random(in: 0.5...2, using: &random))
            return
        }
        guard (try? await state.ack(environmentID: environmentID, id: item.id)) != nil else { return }
        if random.chance(profile.cancelBeforeStartProbability) {
            // Cancelled between ack and the first beat, which will answer `stopping`.
            _ = try? await state.stop(environmentID: environmentID, id: item.id, force: false)
        }
        let fate: Fate =
            random.chance(profile.dieProbability)
            ? .dies : random.chance(profile.ignoreStopProbability) ? .ignoresStop : .finishes
        await serve(workID: item.id, lastHeartbeat: nil, fate: fate)
    }

    /// Heartbeats the item until its session ends, a beat says stop, the lease is lost, or the
    /// worker dies.
    mutating func serve(workID: String, lastHeartbeat: String?, fate: Fate) async {
        let sessionSeconds = Double.random(in: profile.sessionSeconds, using: &random)
        // A dying worker dies part-way through, after at least one beat.
        let deathAfter = fate == .dies ? Double.random(in: (sessionSeconds * 0.2)...(sessionSeconds * 0.9), using: &random) : nil
        let started = Date()
        var last = lastHeartbeat ?? APIConstants.noHeartbeat
        while !Task.isCancelled {
            let answer: HeartbeatResponse
            do {
                answer = try await state.heartbeat(
                    environmentID: environmentID, id: workID, expected: last, desiredTTLSeconds: nil)
            } catch {
                return  // 412: the lease is someone else's now; 404: gone. Leave it alone.
            }
            last = answer.lastHeartbeat
            if answer.ttlSeconds > 0 { ttlSeconds = Double(answer.ttlSeconds) }
            if answer.state == .stopping || answer.state == .stopped || !answer.leaseExtended {
                if fate == .ignoresStop { return }  // walks away; the item sits in `stopping`
                await forceStop(workID)
                return
            }
            let elapsed = Date().timeIntervalSince(started)
            if let deathAfter, elapsed >= deathAfter {
                await die()
                return
            }
            if elapsed >= sessionSeconds {
                await forceStop(workID)
                return
            }
            var wait = min(heartbeatInterval, sessionSeconds - elapsed)
            if let deathAfter { wait = min(wait, max(0.05, deathAfter - elapsed)) }
            await pause(max(0.05, wait))
        }
    }

    private func forceStop(_ workID: String) async {
        _ = try? await state.stop(environmentID: environmentID, id: workID, force: true)
    }

    /// The process is gone: its item keeps a stale heartbeat; a replacement starts a little later.
    private mutating func die() async {
        generation += 1
        await pause(Double.random(in: profile.restartSeconds, using: &random))
    }

    private func pause(_ seconds: Double) async {
        try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
    }
}
