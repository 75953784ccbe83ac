import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Start-up against an API that never answers: the terminal shows what envtop is waiting for
/// at once, then the reason, never a blank screen for the length of a timeout.
extension DashboardEndToEndTests {
    /// A socket that listens and never accepts: the kernel completes connections, nobody answers.
    static func silentListener() throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound, listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    @Test("a hanging API at start: 'asking … which environments' within a second, then the reason")
    func hangingAPIAtStart() async throws {
        let binary = try #require(TestBinary.envtop, "the envtop executable is not built: run swift build")
        let (fd, port) = try Self.silentListener()
        defer { close(fd) }
        let tmux = Tmux()
        defer { tmux.kill() }
        try tmux.start(width: 120, height: 30)
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("envtop-hang-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        try tmux.type("ANTHROPIC_API_KEY=k ANTHROPIC_ENVIRONMENT_KEY=k ANTHROPIC_BASE_URL=http://127.0.0.1:\(port) '\(binary)' --log-file '\(log)'")
        let started = Date()
        try tmux.press("Enter")
        try await tmux.waitFor("the waiting line", timeout: 3) { $0.contains("which environments to watch… (Ctrl-C stops)") }
        #expect(Date().timeIntervalSince(started) < 1.5)
        let screen = try await tmux.waitFor("the reason", timeout: 15) { $0.contains("did not answer in time") }
        #expect(!screen.contains("(Ctrl-C stops)"), "the waiting line is erased")
        try await assertShellUsable(tmux)
    }
}
