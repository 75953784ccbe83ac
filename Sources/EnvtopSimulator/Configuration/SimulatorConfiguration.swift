/// Everything `SimulatorServer.start` needs: where to listen, how busy to be, which credentials
/// to accept, and which faults to inject from the first request.
public struct SimulatorConfiguration: Sendable {
    /// Must be a loopback address; `start` refuses anything else.
    public var host: String = "127.0.0.1"
    /// 0 picks a free port.
    public var port: Int = 0
    public var seed: UInt64 = 1
    public var environmentCount: Int = 1
    /// Simulated workers per environment; 0 leaves the queue to the caller.
    public var workersPerEnvironment: Int = 4
    /// New session items per second per environment (with occasional bursts); 0 = none.
    public var arrivalRatePerSecond: Double = 0.5
    /// Seeded history per environment: a mix of states, including the trouble cases.
    public var initialItemsPerEnvironment: Int = 40
    /// With both key lists empty any non-empty credential is accepted for every call; otherwise
    /// only these keys, each for the calls the real API takes it for.
    public var apiKeys: [String] = []
    public var environmentKeys: [String] = []
    public var faults: FaultSettings = FaultSettings()
    /// The lease TTL a heartbeat gets when it names none. The real API's is longer; a short one
    /// makes simulated workers beat every ttl/2 and the demo move.
    public var leaseTTLSeconds: Int = 20
    /// Ask the simulated workers to behave badly now and then (die, ignore stops, never ack).
    /// Off makes every simulated worker healthy, for tests that need predictable workers.
    public var troubleEnabled: Bool = true
    /// Troubles to play from the start (`simulate --trouble`, the demo's schedule): each in the
    /// environment it names (by id or position), `afterSeconds` after the server starts.
    public var troubles: [TroubleRequest] = []

    public init() {}

    /// True when no key list is configured and any non-empty credential is taken.
    public var acceptsAnyCredential: Bool { apiKeys.isEmpty && environmentKeys.isEmpty }
}
