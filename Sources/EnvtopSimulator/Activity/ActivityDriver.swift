/// Runs the simulated workers and arrivals of every environment until stopped.
actor ActivityDriver {
    let state: SimulatorState
    let configuration: SimulatorConfiguration
    private var tasks: [Task<Void, Never>] = []

    init(state: SimulatorState, configuration: SimulatorConfiguration) {
        self.state = state
        self.configuration = configuration
    }

    func start() async {}

    func stop() async {
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
        tasks = []
    }
}
