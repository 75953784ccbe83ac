import EnvtopClient
import EnvtopCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// What the dashboard watches: a client per profile, the environments they serve, and the API the
/// runtime calls, which routes each call to the client of its environment.
struct APIConnection {
    let clients: [HTTPWorkClient]
    /// The demo simulator, when `--demo` started one.
    let demo: DemoEnvironment?
    /// The environments to watch, in profile order.
    var environments: [WatchedEnvironment] = []
    /// Routes each call to its environment's client.
    var api: (any DashboardAPI)?

    func watching(_ environments: [WatchedEnvironment], api: any DashboardAPI) -> APIConnection {
        var copy = self
        copy.environments = environments
        copy.api = api
        return copy
    }

    /// Closes the clients and stops the demo simulator, waiting at most 5 s: envtop is exiting.
    func shutdown() {
        let clients = self.clients
        let demo = self.demo
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            for client in clients { await client.shutdown() }
            await demo?.server.shutdown()
            done.signal()
        }
        _ = done.wait(timeout: DispatchTime.now() + 5)
    }
}
