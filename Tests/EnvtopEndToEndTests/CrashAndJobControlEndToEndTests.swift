import Foundation
import Testing

/// A crash and job control in the real binary, in a real pty: the terminal comes back at once,
/// a crash report goes to the log and the process ends; Ctrl-Z gives the shell the terminal and
/// `fg` brings the dashboard back at the terminal's new size.
extension DashboardEndToEndTests {
    @Test("SIGSEGV: the terminal is restored, the log holds the report, and envtop is gone within a second")
    func crashEnds() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.dispose() }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await launch(fixture, tmux: tmux)
        let pattern = "envtop.*environment \(fixture.environmentID).*log-file '?\(fixture.logFile)"
        let started = Date()
        try Self.pkill("-SEGV", pattern)
        try await tmux.waitFor("the crash note", timeout: 5) {
            $0.contains("envtop crashed; the crash report is in the log: \(fixture.logFile)")
        }
        var running = try Self.pgrep(pattern)
        while running && Date().timeIntervalSince(started) < 3 {
            try await Task.sleep(for: .milliseconds(50))
            running = try Self.pgrep(pattern)
        }
        #expect(!running, "no envtop left running")
        #expect(Date().timeIntervalSince(started) < 2, "ended within a second, plus the screen capture")
        try await assertShellUsable(tmux)
        let log = try String(contentsOfFile: fixture.logFile, encoding: .utf8)
        #expect(log.contains("Program crashed"), "the runtime's report is in the log")
        #expect(!log.contains("Press space to interact"))
    }

    @Test("Ctrl-Z: the shell gets a usable terminal; resized, then fg: the dashboard fills the new size at once")
    func suspendAndResume() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.dispose() }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await launch(fixture, tmux: tmux)
        try tmux.press("C-z")
        try await tmux.waitFor(text: "Stopped")
        try await assertShellUsable(tmux)
        try tmux.resize(width: 100, height: 30)
        try tmux.type("clear; fg")
        try tmux.press("Enter")
        // No key pressed: the redraw comes from the continue itself.
        let screen = try await tmux.waitFor("the dashboard at 100x30", timeout: 8) { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return fixture.active.allSatisfy { screen.contains(String($0.id.prefix(16))) }
                && lines.count >= 30 && lines[29].contains("quit")
        }
        #expect(!screen.contains("Stopped"))
        try tmux.press("q")
        // The shell answers: envtop ended and left its terminal usable.
        try await assertShellUsable(tmux)
    }

    static func pkill(_ signal: String, _ pattern: String) throws {
        let kill = Process()
        kill.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        kill.arguments = [signal, "-f", pattern]
        try kill.run()
        kill.waitUntilExit()
    }

    static func pgrep(_ pattern: String) throws -> Bool {
        let find = Process()
        find.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
        find.arguments = ["-f", pattern]
        find.standardOutput = FileHandle.nullDevice
        try find.run()
        find.waitUntilExit()
        return find.terminationStatus == 0
    }
}
