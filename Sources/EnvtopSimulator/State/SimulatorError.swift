import EnvtopModels

/// A refusal the simulator answers with the API's error envelope.
public struct SimulatorError: Error, Sendable, Hashable {
    public var status: Int
    public var message: String
    public var details: JSONValue?

    public init(status: Int, message: String, details: JSONValue? = nil) {
        self.status = status
        self.message = message
        self.details = details
    }

    /// The envelope's `error.type` for this status.
    public var type: String { APIErrorEnvelope.errorType(forStatus: status) }

    static func badRequest(_ message: String) -> SimulatorError { .init(status: 400, message: message) }
    static func notFound(_ message: String) -> SimulatorError { .init(status: 404, message: message) }
    static func conflict(_ message: String) -> SimulatorError { .init(status: 409, message: message) }
}
