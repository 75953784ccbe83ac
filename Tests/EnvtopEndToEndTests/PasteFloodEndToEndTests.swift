import Foundation
import Testing

/// A 100 KB paste into the search line: cut with a notice, and the dashboard keeps answering
/// keys within a second (typing into the field is linear, the field is capped).
extension DashboardEndToEndTests {
    @Test("a 100 KB paste into the search line: cut with a notice; Esc and a key still answer within a second")
    func pasteFlood() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.dispose() }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await launch(fixture, tmux: tmux)
        try tmux.press("/")
        let flood = String(repeating: "abcdefghij", count: 10_240)  // 100 KiB, no newline
        // Through a file: tmux refuses a command line of 100 KB.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("envtop-flood-\(UUID().uuidString)")
        try flood.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let pasted = Date()
        _ = try tmux.run(["load-buffer", "-b", "flood", file.path])
        _ = try tmux.run(["paste-buffer", "-p", "-d", "-b", "flood", "-t", tmux.session])
        try await tmux.waitFor("the paste cut with a notice", timeout: 10) { $0.lowercased().contains("cut") }
        #expect(Date().timeIntervalSince(pasted) < 5)
        let escaped = Date()
        try tmux.press("Escape")
        try await tmux.waitFor("the search cleared", timeout: 5) { !$0.contains("abcdefghij") }
        #expect(Date().timeIntervalSince(escaped) < 1, "keys answer within a second of the flood")
        #expect(await stopRequests(fixture.server) == 0)
        try tmux.press("q")
        try await assertShellUsable(tmux)
    }
}
