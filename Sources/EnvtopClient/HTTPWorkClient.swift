import AsyncHTTPClient
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
import NIOCore
import NIOHTTP1

/// `WorkAPI` over HTTP with AsyncHTTPClient.
///
/// One `HTTPClient` per instance (not the `.shared` singleton, so the proxy and connect timeout
/// can be set, and `shutdown()` releases its connections); it pools connections and runs any
/// number of calls at once. HTTPS uses NIOSSL with the system's trust store (on Linux the
/// distribution's CA bundle, e.g. /etc/ssl/certs), AsyncHTTPClient's default. Redirects are not
/// followed, so credentials can never be replayed to another host.
///
/// Call `shutdown()` when done; if an instance is dropped without it, `deinit` starts the
/// shutdown instead (AsyncHTTPClient traps in debug builds on a client that was never shut down).
public final class HTTPWorkClient: WorkAPI {
    public let configuration: ClientConfiguration
    /// How requests to the base URL travel, decided once from the proxy variables.
    public let route: ProxyDecision
    let credentials: Credentials
    let logger: Logger
    private let base: BaseURL?
    private let http: HTTPClient
    private let redaction: SecretRedaction
    private let random: @Sendable () -> Double
    private let shutdownFlag = ShutdownFlag()

    public convenience init(
        configuration: ClientConfiguration, credentials: Credentials,
        logger: Logger = Logger(label: "envtop.client")
    ) {
        self.init(
            configuration: configuration, credentials: credentials, logger: logger,
            random: { Double.random(in: 0..<1) })
    }

    /// `random` supplies the jitter, so tests can pin it.
    init(
        configuration: ClientConfiguration, credentials: Credentials, logger: Logger,
        random: @escaping @Sendable () -> Double
    ) {
        self.configuration = configuration
        self.credentials = credentials
        self.logger = logger
        self.random = random
        self.redaction = SecretRedaction([credentials.apiKey, credentials.environmentKey, credentials.authToken])
        let base = BaseURL.parse(configuration.baseURL)
        self.base = base
        let route = base.map { configuration.proxy.decision(scheme: $0.scheme, host: $0.host) } ?? .direct
        self.route = route

        var http = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(
                connect: TimeAmount(configuration.connectTimeout),
                read: TimeAmount(configuration.requestTimeout)))
        http.connectionPool.retryConnectionEstablishment = configuration.retryConnectionEstablishment
        if case .proxy(let server) = route { http.proxy = server.asyncHTTPClientProxy }
        self.http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: http)
    }

    deinit {
        if shutdownFlag.claim() {
            http.shutdown().whenComplete { _ in }
        }
    }

    /// Closes pooled connections. Calls made afterwards fail with a transport error.
    public func shutdown() async {
        guard shutdownFlag.claim() else { return }
        try? await http.shutdown()
    }

    // MARK: - Running one call

    /// Sends `request`, retrying as `configuration.retry` says, and returns the 2xx answer.
    func perform(_ request: APIRequest) async throws(APIError) -> RawResponse {
        guard let base else {
            throw .transport("\(ClientConfiguration.baseURLVariable) is not an http:// or https:// URL")
        }
        if case .unusable(let why) = route { throw .transport(why) }
        let credential = try CredentialSelection.select(
            for: request.call, from: credentials, sessionToken: request.sessionToken
        ).get()
        let url = base.url(path: request.path, query: request.encodedQuery)
        var policy = configuration.retry
        if !request.call.isRetryable { policy.maxRetries = 0 }
        var retriesTaken = 0
        while true {
            if Task.isCancelled { throw .cancelled }
            let headers = RequestHeaders.build(
                for: request, configuration: configuration, credential: credential, retryCount: retriesTaken)
            let outcome = await attempt(request, url: url, origin: base.origin, headers: headers, attempt: retriesTaken)
            let remaining = policy.maxRetries - retriesTaken
            let retryAfter: Double?
            switch outcome {
            case .success(let response) where response.isSuccess:
                return response
            case .success(let response):
                guard remaining > 0, RetryPolicy.shouldRetry(status: response.status, headers: response.headers) else {
                    let error = ErrorResponse.apiError(
                        status: response.status, headers: response.headers, body: response.body,
                        hint: credential.refusalHint(for: request.call))
                    throw redaction.apply(error)
                }
                retryAfter = RetryAfter.seconds(from: response.headers, now: Date())
            case .failure(let error):
                switch error {
                case .transport, .timedOut: guard remaining > 0 else { throw redaction.apply(error) }
                default: throw redaction.apply(error)
                }
                retryAfter = nil
            }
            let delay = policy.delay(retriesTaken: retriesTaken, retryAfter: retryAfter, random: random())
            logger.debug(
                "retrying",
                metadata: [
                    "endpoint": "\(request.endpoint)", "delay_ms": "\(Int(delay * 1000))",
                    "retries_left": "\(remaining)",
                ])
            do {
                try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
            } catch {
                throw .cancelled
            }
            retriesTaken += 1
        }
    }

    /// One HTTP exchange, read to the end; failures are already `APIError`s.
    private func attempt(
        _ request: APIRequest, url: String, origin: String, headers: [(name: String, value: String)], attempt: Int
    ) async -> Result<RawResponse, APIError> {
        var outgoing = HTTPClientRequest(url: url)
        outgoing.method = request.method == .get ? .GET : .POST
        for field in headers { outgoing.headers.add(name: field.name, value: field.value) }
        if request.method == .post {
            // An empty POST still says `content-length: 0`, which some front ends insist on.
            let body = request.body ?? []
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        let started = ContinuousClock.now
        let (http, timeout, maxBytes, prepared) = (self.http, configuration.requestTimeout, configuration.maxResponseBytes, outgoing)
        // The whole exchange, body included, within the request timeout: AsyncHTTPClient's own
        // deadline ends with the head, so a body trickled a byte at a time would never time out.
        let exchanged = await RequestDeadline.within(timeout) {
            try await Self.exchange(http, prepared, timeout: timeout, maxBytes: maxBytes)
        }
        do {
            let result = try exchanged.get()
            let headers = result.headers
            logger.debug(
                "\(request.endpoint) \(result.status)",
                metadata: [
                    "method": "\(request.method.rawValue)", "path": "\(request.path)", "status": "\(result.status)",
                    "latency_ms": "\(milliseconds(since: started))",
                    "request_id": "\(headers[APIConstants.requestIDHeader] ?? "-")", "attempt": "\(attempt)",
                ])
            return .success(result)
        } catch {
            let mapped = TransportError.apiError(
                error, origin: origin, connectTimeout: configuration.connectTimeout,
                requestTimeout: configuration.requestTimeout, taskCancelled: Task.isCancelled,
                maxResponseBytes: configuration.maxResponseBytes)
            logger.debug(
                "\(request.endpoint) failed",
                metadata: [
                    "method": "\(request.method.rawValue)", "path": "\(request.path)",
                    "error": "\(redaction.apply(mapped).description)",
                    "latency_ms": "\(milliseconds(since: started))", "attempt": "\(attempt)",
                ])
            return .failure(mapped)
        }
    }

    /// One request and its whole body, at most `maxBytes` of it.
    private static func exchange(
        _ http: HTTPClient, _ request: HTTPClientRequest, timeout: Duration, maxBytes: Int
    ) async throws -> RawResponse {
        let response = try await http.execute(request, timeout: TimeAmount(timeout))
        // Straight into one array (sized from content-length when it is believable), not into a
        // ByteBuffer first and a copy after: a large page then costs its size once.
        var body: [UInt8] = []
        if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > 0 {
            // Announced too large: refused before a byte of it is read.
            guard length <= maxBytes else { throw NIOTooManyBytesError(maxBytes: maxBytes) }
            body.reserveCapacity(length)
        }
        for try await chunk in response.body {
            guard body.count + chunk.readableBytes <= maxBytes else { throw NIOTooManyBytesError(maxBytes: maxBytes) }
            body.append(contentsOf: chunk.readableBytesView)
        }
        let headers = ResponseHeaders(response.headers.map { (name: $0.name, value: $0.value) })
        return RawResponse(status: Int(response.status.code), headers: headers, body: body)
    }

    private func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let (seconds, atto) = (ContinuousClock.now - start).components
        return Int(seconds) * 1000 + Int(atto / 1_000_000_000_000_000)
    }
}

extension TimeAmount {
    /// A Swift `Duration` at nanosecond precision.
    init(_ duration: Duration) {
        let (seconds, atto) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + atto / 1_000_000_000)
    }
}

extension ProxyServer {
    var asyncHTTPClientProxy: HTTPClient.Configuration.Proxy {
        switch kind {
        case .socks5:
            return .socksServer(host: host, port: port)
        case .http:
            let authorization = username.map { user in
                HTTPClient.Authorization.basic(username: user, password: password?.value ?? "")
            }
            return .server(host: host, port: port, authorization: authorization)
        }
    }
}
