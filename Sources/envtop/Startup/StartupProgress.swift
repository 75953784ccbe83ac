import EnvtopRuntime
#if canImport(Glibc)
import Glibc
#endif

/// One line on the terminal while start-up waits on the API (listing a profile's environments
/// before the dashboard can open), so a slow or hanging API shows at once instead of a blank
/// terminal; it is erased when the wait ends. Only on a terminal, and only after a short delay:
/// a quick answer shows nothing.
struct StartupProgress {
    private let task: Task<Bool, Never>

    init(_ message: String, after delay: Duration = .milliseconds(300)) {
        let onTerminal = isatty(RawIO.standardError) == 1
        task = Task {
            guard onTerminal, (try? await Task.sleep(for: delay)) != nil else { return false }
            RawIO.write("envtop: \(message)… (Ctrl-C stops)", to: RawIO.standardError)
            return true
        }
    }

    /// Stops the line from appearing, or erases it.
    func finish() async {
        task.cancel()
        if await task.value { RawIO.write("\r\u{1b}[K", to: RawIO.standardError) }
    }
}
