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
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
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

    func screen() throws -> String { try run(["capture-pane", "-p", "-t", session]) }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen satisfies `condition`, or fails after `timeout` seconds with the
    /// last screen in the error.
    @discardableResult
    func waitFor(
        _ what: String, timeout: Double = 10, _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TmuxTimeout(what: what, screen: last)
    }

    func waitFor(text: String, timeout: Double = 10) throws -> String {
        try waitFor("'\(text)' on screen", timeout: timeout) { $0.contains(text) }
    }

    func kill() { _ = try? run(["kill-server"]) }
}

struct TmuxTimeout: Error, CustomStringConvertible {
    let what: String
    let screen: String
    var description: String { "timed out waiting for \(what); the screen was:\n\(screen)" }
}
