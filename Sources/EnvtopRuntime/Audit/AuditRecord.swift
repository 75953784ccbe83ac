import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One line of the audit log: an action attempted, or its result. Never a key or a secret;
/// for a metadata update, the patch's keys and values (which are not secrets).
public struct AuditRecord: Codable, Sendable, Equatable {
    /// UTC, to the millisecond ("2026-12-06T19:04:02.123Z").
    public var time: String
    /// `user@host` of the operator's session.
    public var user: String
    public var profile: String
    public var environment: String
    public var workID: String
    /// `stop`, `force_stop` or `update_metadata`.
    public var action: String
    /// `attempt` before the call; then `ok`, `refused`, `unclear` or `error`.
    public var result: String
    public var reason: String?
    public var batch: Int?
    public var position: Int?
    public var status: Int?
    public var requestID: String?
    /// The state the API answered with, or what went wrong, in plain words.
    public var detail: String?
    /// For `update_metadata`: the merge patch sent (values, null for a deleted key).
    public var patch: [String: JSONValue]?

    enum CodingKeys: String, CodingKey {
        case time, user, profile, environment, action, result, reason, batch, position, status, detail, patch
        case workID = "work_id"
        case requestID = "request_id"
    }

    public init(
        time: Date, user: String, profile: String, environment: String, workID: String, action: String, result: String,
        reason: String? = nil, batch: Int? = nil, position: Int? = nil, status: Int? = nil, requestID: String? = nil,
        detail: String? = nil, patch: [String: JSONValue]? = nil
    ) {
        self.time = Self.stamp(time)
        self.user = user
        self.profile = profile
        self.environment = environment
        self.workID = workID
        self.action = action
        self.result = result
        self.reason = reason
        self.batch = batch
        self.position = position
        self.status = status
        self.requestID = requestID
        self.detail = detail
        self.patch = patch
    }

    public var date: Date? {
        RFC3339.parse(time)
    }

    /// `2026-12-07T00:18:35.123Z`: UTC with milliseconds.
    static func stamp(_ date: Date) -> String { date.formatted(Self.style) }

    static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
}
