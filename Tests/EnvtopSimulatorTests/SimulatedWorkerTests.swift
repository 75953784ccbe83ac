import EnvtopModels
import Foundation
import Testing

@testable import EnvtopSimulator

@Suite("Simulated workers")
struct SimulatedWorkerTests {
    /// A profile with short sessions and quick restarts, and only the trouble a test asks for.
    func profile(
        die: Double = 0, ignoreStop: Double = 0, neverAck: Double = 0, cancelBeforeStart: Double = 0
    ) -> EnvironmentProfile {
        var profile = EnvironmentProfile.forIndex(0).healthy
        profile.dieProbability = die
        profile.ignoreStopProbability = ignoreStop
        profile.neverAckProbability = neverAck
        profile.cancelBeforeStartProbability = cancelBeforeStart
        profile.sessionSeconds = 0.3...0.5
        profile.restartSeconds = 0...0.05
        return profile
    }

    /// A one-environment state with one queued item, and a worker with the given profile.
    func setUp(_ profile: EnvironmentProfile) async throws -> (SimulatorState, String, String, SimulatedWorker) {
        var configuration = TestServers.quiet(leaseTTL: 2)
        configuration.initialItemsPerEnvironment = 0
        let state = SimulatorState(configuration: configuration)
        let environmentID = await state.environmentIDs[0]
        let item = try await state.enqueue(environmentID: environmentID, count: 1, metadata: [:])[0]
        let worker = SimulatedWorker(
            state: state, environmentID: environmentID, profile: profile, name: "t", random: SplitMix64(seed: 5))
        return (state, environmentID, item.id, worker)
    }

    @Test("a healthy worker acks, goes active, heartbeats and force-stops the item when its session ends")
    func finishes() async throws {
        let (state, environmentID, workID, prepared) = try await setUp(profile())
        var worker = prepared
        await worker.step()
        let item = try await state.item(environmentID: environmentID, id: workID)
        #expect(item.state == .stopped)
        #expect(item.acknowledgedAt != nil && item.startedAt != nil && item.latestHeartbeatAt != nil)
        #expect(try await state.stats(environmentID: environmentID).workersPolling == 1)
    }

    @Test("a dying worker leaves its item active with a heartbeat that goes stale, and restarts as a new worker id")
    func dies() async throws {
        let (state, environmentID, workID, prepared) = try await setUp(profile(die: 1))
        var worker = prepared
        let before = worker.workerID
        await worker.step()
        let item = try await state.item(environmentID: environmentID, id: workID)
        #expect(item.state == .active)
        let lastBeat = try #require(item.latestHeartbeatAt)
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await state.item(environmentID: environmentID, id: workID).latestHeartbeatAt == lastBeat)
        #expect(worker.workerID != before)
    }

    @Test("an item stopped before its first beat: that beat answers stopping and a healthy worker stops it")
    func firstBeatStopping() async throws {
        let (state, environmentID, workID, prepared) = try await setUp(profile(cancelBeforeStart: 1))
        var worker = prepared
        await worker.step()
        let item = try await state.item(environmentID: environmentID, id: workID)
        #expect(item.state == .stopped)
        #expect(item.startedAt == nil)  // it never became active
    }

    @Test("a worker that ignores a graceful stop walks away and the item sits in stopping")
    func ignoresStop() async throws {
        let (state, environmentID, workID, prepared) = try await setUp(profile(ignoreStop: 1, cancelBeforeStart: 1))
        var worker = prepared
        await worker.step()
        #expect(try await state.item(environmentID: environmentID, id: workID).state == .stopping)
    }

    @Test("a worker that never acknowledges leaves the item pending until it is reclaimed")
    func neverAcks() async throws {
        let (state, environmentID, workID, prepared) = try await setUp(profile(neverAck: 1))
        var worker = prepared
        await worker.step()
        #expect(try await state.item(environmentID: environmentID, id: workID).state == .queued)
        let stats = try await state.stats(environmentID: environmentID)
        #expect(stats.pending == 1 && stats.depth == 0)
    }

    @Test("an operator's graceful stop on a healthy worker's item is stopped within one heartbeat interval")
    func gracefulStopHonoured() async throws {
        var configuration = TestServers.quiet(leaseTTL: 2)
        configuration.workersPerEnvironment = 1
        configuration.troubleEnabled = false
        try await TestServers.with(configuration) { server async throws in
            let environmentID = server.environmentIDs[0]
            let item = try await server.enqueue(environmentID: environmentID, count: 1, metadata: [:])[0]
            let active = await TestServers.eventually(within: 5) {
                await server.workItem(environmentID: environmentID, id: item.id)?.state == .active
            }
            try #require(active)
            let probe = HTTPProbe(baseURL: server.baseURL, credential: TestServers.apiKey)
            let stopping = try await probe.send(
                "POST", "/v1/environments/\(environmentID)/work/\(item.id)/stop", body: #"{"force":false}"#)
            #expect(try stopping.decode(WorkItem.self).state == .stopping)
            // ttl 2 s: the worker beats every second and ends the item at the beat after the stop.
            // The simulator never expires a lease, so without the worker it would stay stopping:
            // the bounds below are far from that, and loose enough for a loaded machine.
            let stopped = await TestServers.eventually(within: 10) {
                await server.workItem(environmentID: environmentID, id: item.id)?.state == .stopped
            }
            #expect(stopped)
            let final = try #require(await server.workItem(environmentID: environmentID, id: item.id))
            let took = try #require(final.stoppedAt).timeIntervalSince(try #require(final.stopRequestedAt))
            #expect(took < 10)
        }
    }

    @Test("arrivals keep coming at the configured rate")
    func arrivals() async throws {
        let state = SimulatorState(configuration: TestServers.quiet())
        let environmentID = await state.environmentIDs[0]
        var process = ArrivalProcess(
            state: state, environmentID: environmentID, ratePerSecond: 40, burstEverySeconds: 0,
            random: SplitMix64(seed: 2))
        let started = ContinuousClock.now
        let task = Task { await process.run() }
        // Wait for several arrivals (bounded), rather than counting in a fixed window: a loaded
        // CI machine may starve the task for a while.
        var count = 0
        while count < 5, ContinuousClock.now - started < .seconds(15) {
            try await Task.sleep(for: .milliseconds(50))
            count = await state.items(environmentID: environmentID).count
        }
        task.cancel()
        await task.value
        let elapsed = (ContinuousClock.now - started).components.seconds + 1
        count = await state.items(environmentID: environmentID).count
        #expect(count >= 5)
        #expect(count <= Int(elapsed) * 40 * 2 + 5)  // not a flood either
        #expect(try await state.stats(environmentID: environmentID).depth == count)
    }
}
