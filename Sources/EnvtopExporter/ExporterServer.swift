#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `envtop exporter`'s HTTP side: `/metrics` in the Prometheus text format from the registry
/// (never waiting on the API) and `/healthz` for orchestrators; and the refresher that ticks the
/// model once a second. Both are services of one `ServiceGroup`, which ends them on SIGTERM.
public enum ExporterServer {
    /// The content type of the Prometheus text exposition format.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The HTTP application serving `model` on `host:port`; `onListening` gets the bound port
    /// (the one asked for, or the system's choice for 0).
    public static func application(
        model: ExporterModel, host: String, port: Int, logger: Logger, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some Service {
        let router = Router()
        let metrics = model.metrics
        router.get("/metrics") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: contentType],
                body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
        router.get("/healthz") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain"], body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        return Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "envtop"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Whether `host` is a loopback address (the only kind served without `--allow-remote`).
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// Ticks the model once a second until the service group shuts down.
public struct ExporterRefresher: Service {
    let model: ExporterModel

    public init(model: ExporterModel) { self.model = model }

    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    await model.tick()
                    try await Task.sleep(for: .seconds(1))
                }
            }
        } catch is CancellationError {
            return
        }
    }
}
