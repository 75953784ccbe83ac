import EnvtopClient
import Foundation

/// The API the dashboard watches: the real client, pointed at the configured API or at the demo
/// simulator running in this process.
struct APIConnection {
    let client: HTTPWorkClient
    /// The demo simulator, when `--demo` started one.
    let demo: DemoEnvironment?

    /// Closes the client and stops the demo simulator, waiting at most 5 s: envtop is exiting.
    func shutdown() {
        let client = self.client
        let demo = self.demo
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            await client.shutdown()
            await demo?.server.shutdown()
            done.signal()
        }
        _ = done.wait(timeout: .now() + 5)
    }
}
