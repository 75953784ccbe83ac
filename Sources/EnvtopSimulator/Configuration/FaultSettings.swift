/// Trouble the simulator adds to `/v1` answers, so clients can be tested against a flaky API.
///
/// Also the JSON body of `POST /_sim/faults` (snake_case keys, every key optional), for example
/// `{"latency_milliseconds": 200, "error_rates": {"503": 0.2, "429": 0.1}, "retry_after_seconds": 1}`.
public struct FaultSettings: Sendable, Hashable, Codable {
    /// Added to every answer.
    public var latencyMilliseconds: Int = 0
    /// Up to this much more, drawn uniformly per request.
    public var jitterMilliseconds: Int = 0
    /// HTTP status -> probability that a request is answered with it instead, e.g. `[503: 0.2]`.
    public var errorRates: [Int: Double] = [:]
    /// Sent with injected 429 and 503 answers as `retry-after` (seconds) and `retry-after-ms`.
    public var retryAfterSeconds: Double? = nil
    /// Probability of a 200 whose JSON body is cut short.
    public var malformedRate: Double = 0
    /// Probability of closing the connection without answering.
    public var dropRate: Double = 0
    /// When set, faults apply only to request paths containing one of these strings.
    public var onlyPaths: [String]? = nil

    public init() {}

    /// True when nothing would be injected, so requests skip the fault path entirely.
    public var isQuiet: Bool {
        latencyMilliseconds == 0 && jitterMilliseconds == 0 && errorRates.values.allSatisfy { $0 <= 0 }
            && malformedRate <= 0 && dropRate <= 0
    }

    /// Whether faults apply to this request path.
    public func applies(toPath path: String) -> Bool {
        guard let onlyPaths, !onlyPaths.isEmpty else { return true }
        return onlyPaths.contains { path.contains($0) }
    }

    enum CodingKeys: String, CodingKey {
        case latencyMilliseconds = "latency_milliseconds"
        case jitterMilliseconds = "jitter_milliseconds"
        case errorRates = "error_rates"
        case retryAfterSeconds = "retry_after_seconds"
        case malformedRate = "malformed_rate"
        case dropRate = "drop_rate"
        case onlyPaths = "only_paths"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        latencyMilliseconds = try c.decodeIfPresent(Int.self, forKey: .latencyMilliseconds) ?? 0
        jitterMilliseconds = try c.decodeIfPresent(Int.self, forKey: .jitterMilliseconds) ?? 0
        errorRates = try c.decodeIfPresent([Int: Double].self, forKey: .errorRates) ?? [:]
        retryAfterSeconds = try c.decodeIfPresent(Double.self, forKey: .retryAfterSeconds)
        malformedRate = try c.decodeIfPresent(Double.self, forKey: .malformedRate) ?? 0
        dropRate = try c.decodeIfPresent(Double.self, forKey: .dropRate) ?? 0
        onlyPaths = try c.decodeIfPresent([String].self, forKey: .onlyPaths)
    }

    /// Problems that make the settings meaningless (negative latency, a probability above 1, a
    /// status that is not an error), in words for a 400 or a command-line error.
    public func validationProblems() -> [String] {
        var problems: [String] = []
        if latencyMilliseconds < 0 { problems.append("latency_milliseconds must be >= 0") }
        if jitterMilliseconds < 0 { problems.append("jitter_milliseconds must be >= 0") }
        for (status, rate) in errorRates.sorted(by: { $0.key < $1.key }) {
            if !(400...599).contains(status) { problems.append("error_rates: \(status) is not an error status") }
            if !(0...1).contains(rate) { problems.append("error_rates[\(status)] must be between 0 and 1") }
        }
        if errorRates.values.reduce(0, +) > 1 { problems.append("error_rates must add up to at most 1") }
        if let retry = retryAfterSeconds, retry < 0 { problems.append("retry_after_seconds must be >= 0") }
        if !(0...1).contains(malformedRate) { problems.append("malformed_rate must be between 0 and 1") }
        if !(0...1).contains(dropRate) { problems.append("drop_rate must be between 0 and 1") }
        return problems
    }
}
