import AsyncHTTPClient
import EnvtopModels
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps what AsyncHTTPClient and NIO throw to `APIError`, in words an operator can act on.
///
/// Built from the error's kind, not its full dump, so no header (and no credential) can reach the
/// text; the client still passes the result through `SecretRedaction`.
enum TransportError {
    static func apiError(
        _ error: any Error, origin: String, connectTimeout: Duration, requestTimeout: Duration,
        taskCancelled: Bool, maxResponseBytes: Int = 0
    ) -> APIError {
        if taskCancelled || error is CancellationError { return .cancelled }
        if let error = error as? HTTPClientError {
            switch error {
            case .cancelled, .requestStreamCancelled: return .cancelled
            case .connectTimeout, .tlsHandshakeTimeout, .socksHandshakeTimeout, .httpProxyHandshakeTimeout,
                .getConnectionFromPoolTimeout:
                return .timedOut("no connection to \(origin) within \(seconds(connectTimeout))")
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .timedOut("no complete answer from \(origin) within \(seconds(requestTimeout))")
            case .remoteConnectionClosed:
                return .transport("\(origin) closed the connection before answering")
            case .proxyAuthenticationRequired:
                return .transport("the proxy asked for credentials (407)")
            case .invalidProxyResponse:
                return .transport("the proxy refused to connect to \(origin)")
            case .alreadyShutdown:
                return .transport("the client was shut down")
            default:
                return .transport("\(error.shortDescription) (\(origin))")
            }
        }
        if let error = error as? NIOConnectionError {
            return .transport("cannot connect to \(error.host):\(error.port): \(reason(error))")
        }
        if let error = error as? IOError {
            return .transport("\(origin): \(errnoText(error.errnoCode))")
        }
        if error is NIOTooManyBytesError { return .tooLarge(limitBytes: maxResponseBytes) }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: return .timedOut("no connection to \(origin) within \(seconds(connectTimeout))")
            case .ioOnClosedChannel, .outputClosed, .inputClosed, .eof, .alreadyClosed:
                return .transport("\(origin) closed the connection before answering")
            default: return .transport("connection to \(origin) failed")
            }
        }
        let typeName = String(describing: type(of: error))
        if typeName.contains("SSL") || typeName.contains("TLS") {
            return .transport("TLS with \(origin) failed (\(typeName))")
        }
        return .transport("request to \(origin) failed (\(typeName))")
    }

    private static func reason(_ error: NIOConnectionError) -> String {
        if error.dnsAError != nil || error.dnsAAAAError != nil { return "the host name does not resolve" }
        for failure in error.connectionErrors {
            if let io = failure.error as? IOError { return errnoText(io.errnoCode) }
        }
        return "no address answered"
    }

    private static func errnoText(_ code: Int32) -> String {
        switch code {
        case ECONNREFUSED: "connection refused"
        case ECONNRESET: "connection reset"
        case ETIMEDOUT: "connection timed out"
        case EHOSTUNREACH: "host unreachable"
        case ENETUNREACH: "network unreachable"
        default: "system error \(code)"
        }
    }

    static func seconds(_ duration: Duration) -> String {
        let (whole, atto) = duration.components
        let ms = whole * 1000 + atto / 1_000_000_000_000_000
        return ms % 1000 == 0 ? "\(ms / 1000) s" : "\(ms) ms"
    }
}
