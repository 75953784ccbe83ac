import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where and how the client talks to the API. Holds no credential.
public struct ClientConfiguration: Sendable, Hashable {
    /// The API's origin, optionally with a path prefix (`ANTHROPIC_BASE_URL`).
    public var baseURL: String
    /// Sent as `anthropic-workspace-id` when set (`ANTHROPIC_WORKSPACE_ID`).
    public var workspaceID: String?
    /// Longest wait for a TCP (and TLS) connection. The SDK's default is 5 s.
    public var connectTimeout: Duration
    /// Longest wait for one attempt, from sending it to the last byte of the answer. The SDK waits
    /// up to 10 minutes; a dashboard that refreshes every few seconds wants to hear much sooner.
    public var requestTimeout: Duration
    /// Whether a refused or failed connect is tried again (with backoff) until `connectTimeout`
    /// runs out. The dashboard and scripts turn it off: a refused connection is reported at once,
    /// and the refresh cycle is what retries.
    public var retryConnectionEstablishment = true
    /// Retry count and backoff; `RetryPolicy.sdkDefault` unless changed (tests shorten the delays).
    public var retry: RetryPolicy
    /// Proxy variables; `.none` unless built with `fromEnvironment`.
    public var proxy: ProxyEnvironment
    public var userAgent: String
    /// A larger answer is an error (`APIError.tooLarge`) rather than an out-of-memory. A page
    /// of 200 items is far below the default 32 MiB.
    public var maxResponseBytes: Int
    public static let defaultMaxResponseBytes = 32 * 1024 * 1024

    public static let defaultConnectTimeout: Duration = .seconds(5)
    public static let defaultRequestTimeout: Duration = .seconds(60)
    public static let baseURLVariable = "ANTHROPIC_BASE_URL"
    public static let workspaceVariable = "ANTHROPIC_WORKSPACE_ID"

    public init(
        baseURL: String = APIConstants.defaultBaseURL,
        workspaceID: String? = nil,
        connectTimeout: Duration = defaultConnectTimeout,
        requestTimeout: Duration = defaultRequestTimeout,
        retry: RetryPolicy = .sdkDefault,
        proxy: ProxyEnvironment = .none,
        userAgent: String = ClientVersion.userAgent,
        maxResponseBytes: Int = defaultMaxResponseBytes
    ) {
        self.baseURL = baseURL
        self.workspaceID = workspaceID
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.retry = retry
        self.proxy = proxy
        self.userAgent = userAgent
        self.maxResponseBytes = maxResponseBytes
    }

    /// Retries after the first attempt (`retry.maxRetries`), 2 by default as in the SDKs.
    public var maxRetries: Int {
        get { retry.maxRetries }
        set { retry.maxRetries = max(0, newValue) }
    }

    /// Base URL, workspace and proxies from the environment; everything else default.
    public static func fromEnvironment(
        _ env: [String: String] = ProcessInfo.processInfo.environment
    ) -> ClientConfiguration {
        func value(_ name: String) -> String? {
            guard let raw = env[name]?.trimmed(), !raw.isEmpty else {
                return nil
            }
            return raw
        }
        return ClientConfiguration(
            baseURL: value(baseURLVariable) ?? APIConstants.defaultBaseURL,
            workspaceID: value(workspaceVariable),
            proxy: .fromEnvironment(env))
    }
}
