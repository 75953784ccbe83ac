import Foundation

/// Drives a real terminal: a private tmux server, one session, keys in and screen text out.
///
/// Each instance uses its own socket (`-L`), so tests never touch a user's tmux.
final class Tmux {
    let socket: String
    let session = "e2e"

    init() {
        socket = "envtop-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || which("tmux") != nil
    }

    static func which(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs a tmux command and returns what it printed. `detached` is for the command that starts
    /// the server: the server inherits its output, so a pipe there would never reach end-of-file.
    @discardableResult
    func run(_ arguments: [String], detached: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Tmux.which("tmux") ?? "/usr/bin/tmux")
        process.arguments = ["-L", socket, "-f", "/dev/null"] + arguments
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        env.removeValue(forKey: "TMUX")
        process.environment = env
        if detached {
            try spawnDetached(["tmux", "-L", socket, "-f", "/dev/null"] + arguments, environment: env)
            return ""
        }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs the command that starts the tmux server with posix_spawn and waits for it.
    ///
    /// Not `Foundation.Process`: it learns that a child exited when every copy of a descriptor it
    /// gives the child is closed, and the tmux server (forked from that child) keeps its copy, so
    /// `waitUntilExit` would never return. Here the child gets /dev/null and no other descriptor.
    private func spawnDetached(_ argv: [String], environment: [String: String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // bash closes every other inherited descriptor, then becomes tmux.
        let closeOthers = #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done 2>/dev/null; exec "$@""#
        let path = "/bin/bash"
        let cArgs = (["bash", "-c", closeOthers, "tmux-start", Tmux.which("tmux") ?? "/usr/bin/tmux"] + argv.dropFirst())
            .map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        // The test runner's threads block signals, and a spawned child inherits the caller's mask:
        // a tmux server with SIGTERM blocked outlives its `kill-server`. Start it with none
        // blocked and default handlers.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, &attributes, cArgs, cEnv)
        guard rc == 0 else { throw TmuxTimeout(what: "tmux to start (posix_spawn \(rc))", screen: "") }
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
    }

    /// Starts a plain shell in a window of the given size.
    func start(width: Int, height: Int) throws {
        try run([
            "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
            "env TERM=xterm-256color PS1='$ ' bash --norc --noprofile",
        ], detached: true)
    }

    func type(_ text: String) throws { try run(["send-keys", "-t", session, "-l", text]) }

    /// Sends tmux key names: "Enter", "Escape", "Down", "C-c"...
    func press(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }

    /// Pastes text as a terminal does: bracketed (`ESC[200~`…`ESC[201~`) when the program asked
    /// for it, with each newline sent as a carriage return.
    func paste(_ text: String) throws {
        try run(["set-buffer", "-b", "e2e-paste", text])
        try run(["paste-buffer", "-p", "-d", "-b", "e2e-paste", "-t", session])
    }

    func screen() throws -> String { try run(["capture-pane", "-p", "-t", session]) }

    /// Copies every byte the programs in the pane write from now on to `path` (the BEL bytes
    /// that `capture-pane` cannot show, for one).
    func recordOutput(to path: String) throws {
        try run(["pipe-pane", "-o", "-t", session, "cat >> '\(path)'"])
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen satisfies `condition`, or fails after `timeout` seconds with the
    /// last screen in the error. Suspends between looks (never blocks a thread), so a test that
    /// waits here leaves the concurrency pool free for an in-process simulator to answer.
    @discardableResult
    func waitFor(
        _ what: String, timeout: Double = 10, _ condition: (String) -> Bool
    ) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TmuxTimeout(what: what, screen: last)
    }

    @discardableResult
    func waitFor(text: String, timeout: Double = 10) async throws -> String {
        try await waitFor("'\(text)' on screen", timeout: timeout) { $0.contains(text) }
    }

    func kill() { _ = try? run(["kill-server"]) }
}

struct TmuxTimeout: Error, CustomStringConvertible {
    let what: String
    let screen: String
    var description: String { "timed out waiting for \(what); the screen was:\n\(screen)" }
}
