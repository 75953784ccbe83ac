import EnvtopModels

/// One call a `FakeDashboardAPI` received, with what it was asked.
public enum FakeAPICall: Sendable, Hashable {
    case listWork(environmentID: String, limit: Int?, page: String?)
    case getWork(environmentID: String, workID: String)
    case stats(environmentID: String)
    case stopWork(environmentID: String, workID: String, mode: StopMode)
    case updateMetadata(environmentID: String, workID: String)
    case listEnvironments
    case getEnvironment(id: String)

    /// Which call it is, without its arguments: what replies are scripted by.
    public enum Endpoint: Sendable, Hashable, CaseIterable {
        case listWork, getWork, stats, stopWork, updateMetadata, listEnvironments, getEnvironment
    }

    /// The environment the call names, if it names one.
    public var environmentID: String? {
        switch self {
        case .listWork(let env, _, _), .getWork(let env, _), .stats(let env), .stopWork(let env, _, _),
             .updateMetadata(let env, _):
            env
        case .listEnvironments, .getEnvironment: nil
        }
    }

    public var endpoint: Endpoint {
        switch self {
        case .listWork: .listWork
        case .getWork: .getWork
        case .stats: .stats
        case .stopWork: .stopWork
        case .updateMetadata: .updateMetadata
        case .listEnvironments: .listEnvironments
        case .getEnvironment: .getEnvironment
        }
    }
}

/// How a `FakeDashboardAPI` answers a call.
public enum FakeReply: Sendable {
    /// At once, with what the fake serves.
    case answer
    /// With what the fake served when the call arrived, after `Duration`.
    case delay(Duration)
    /// Not until the test calls `release` (or `releaseAll`), with what the fake served when the
    /// call arrived: a reply held up in the network.
    case hang
    /// At once, with this error.
    case fail(APIError)
}
