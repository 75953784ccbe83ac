/// Runs the simulated workers and arrivals of every environment until stopped.
actor ActivityDriver {
    let state: SimulatorState
    let configuration: SimulatorConfiguration
    let adoptions: [String: [AdoptedLease]]
    private var tasks: [Task<Void, Never>] = []

    init(state: SimulatorState, configuration: SimulatorConfiguration, adoptions: [String: [AdoptedLease]]) {
        self.state = state
        self.configuration = configuration
        self.adoptions = adoptions
    }

    func start() async {
        let root = SplitMix64(seed: configuration.seed)
        for (index, environmentID) in await state.environmentIDs.enumerated() {
            let base = EnvironmentProfile.forIndex(index)
            let profile = configuration.troubleEnabled ? base : base.healthy
            let leases = adoptions[environmentID] ?? []
            for workerIndex in 0..<configuration.workersPerEnvironment {
                let lease = workerIndex < leases.count ? leases[workerIndex] : nil
                var worker = SimulatedWorker(
                    state: state, environmentID: environmentID, profile: profile,
                    name: "sim-worker-\(index + 1)-\(workerIndex + 1)",
                    random: root.derived(1000 + UInt64(index) * 100 + UInt64(workerIndex)))
                tasks.append(Task { await worker.run(adopting: lease) })
            }
            let rate = configuration.arrivalRatePerSecond * profile.arrivalFactor
            if rate > 0 {
                var arrivals = ArrivalProcess(
                    state: state, environmentID: environmentID, ratePerSecond: rate,
                    burstEverySeconds: profile.burstEverySeconds, random: root.derived(2000 + UInt64(index)))
                tasks.append(Task { await arrivals.run() })
            }
        }
    }

    func stop() async {
        let running = tasks
        tasks = []
        for task in running { task.cancel() }
        for task in running { await task.value }
    }
}
