#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a profile's key command (`/bin/sh -c`), the way a password manager is asked for a key.
///
/// Input is `/dev/null` (a prompt cannot hang the startup), stderr is dropped, and only stdout is
/// kept, trimmed. The command gets its own process group, so a timeout kills whatever it started
/// too. Nothing here ever reports the output: on failure only the exit status is known.
enum KeyCommand {
    enum Outcome: Equatable {
        /// The trimmed output, never empty.
        case printed(String)
        case exited(Int32)
        case killed(signal: Int32)
        case printedNothing
        case printedTooMuch
        case timedOut(Duration)
        case cannotStart(String)

        /// The rest of a sentence that starts with "the API key command"; empty for `.printed`.
        var problem: String {
            switch self {
            case .printed: return ""
            case .exited(let status): return "failed (exit status \(status)); its output is not shown, as it may hold a key"
            case .killed(let signal): return "was killed by signal \(signal)"
            case .printedNothing: return "printed nothing (exit status 0)"
            case .printedTooMuch: return "printed more than \(KeyReader.maximumKeyBytes / 1024) KiB, too much to be a key"
            case .timedOut(let limit):
                let milliseconds = limit.components.seconds * 1000 + limit.components.attoseconds / 1_000_000_000_000_000
                let said = milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
                return "did not finish within \(said) and was stopped"
            case .cannotStart(let why): return "cannot be started: \(why)"
            }
        }
    }

    static func run(_ command: String, environment: [String: String], timeout: Duration) -> Outcome {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return .cannotStart(String(cString: strerror(errno))) }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)
        defer { close(readEnd) }

        let started = spawn(command, environment: environment, stdout: writeEnd)
        close(writeEnd)
        let pid: pid_t
        switch started {
        case .success(let spawned): pid = spawned
        case .failure(let error): return .cannotStart(error.why)
        }

        let deadline = ContinuousClock.now + timeout
        var output: [UInt8] = []
        var pipeOpen = true
        var exitStatus: Int32?
        while exitStatus == nil {
            if pipeOpen { pipeOpen = drain(readEnd, into: &output) }
            exitStatus = reap(pid, blocking: false)
            let left = deadline - ContinuousClock.now
            if output.count > KeyReader.maximumKeyBytes || (exitStatus == nil && left <= .zero) {
                kill(-pid, SIGKILL)
                if exitStatus == nil { _ = reap(pid, blocking: true) }
                return output.count > KeyReader.maximumKeyBytes ? .printedTooMuch : .timedOut(timeout)
            }
            guard exitStatus == nil else { break }
            // Wakes on output or end of file; once the pipe is closed, only the exit is awaited.
            var poller = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            let milliseconds = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
            _ = poll(&poller, pipeOpen ? 1 : 0, Int32(min(50, max(1, milliseconds))))
        }
        // The command has exited, so what it printed is in the pipe: read that, and do not wait
        // for end of file, which a helper it left running in the background could hold off.
        if pipeOpen { _ = drain(readEnd, into: &output) }
        guard output.count <= KeyReader.maximumKeyBytes else { return .printedTooMuch }
        let status = exitStatus ?? 0
        if status & 0x7f != 0 { return .killed(signal: status & 0x7f) }
        let code = (status >> 8) & 0xff
        guard code == 0 else { return .exited(code) }
        let text = String(decoding: output, as: UTF8.self).trimmed()
        return text.isEmpty ? .printedNothing : .printed(text)
    }

    /// Reads what is there now; false at end of file.
    private static func drain(_ descriptor: Int32, into output: inout [UInt8]) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while output.count <= KeyReader.maximumKeyBytes {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                output += buffer[0..<count]
            } else if count == 0 {
                return false
            } else {
                return errno == EINTR
                    ? true
                    : errno == EAGAIN || errno == EWOULDBLOCK
            }
        }
        return true
    }

    /// The raw wait status once `pid` has ended; nil while it runs (when not blocking).
    private static func reap(_ pid: pid_t, blocking: Bool) -> Int32? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if result == pid { return status }
            if result == -1 && errno == EINTR { continue }
            return nil
        }
    }

    /// `/bin/sh -c command` in a new process group, with default signal handling and mask.
    private static func spawn(
        _ command: String, environment: [String: String], stdout: Int32
    ) -> Result<pid_t, SpawnError> {
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGQUIT, SIGTERM, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)

        let words: [String] = ["/bin/sh", "-c", command]
        let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        let variables: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in arguments + variables { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, arguments, variables)
        guard result == 0 else { return .failure(SpawnError(String(cString: strerror(result)))) }
        return .success(pid)
    }

    struct SpawnError: Error {
        var why: String
        init(_ why: String) { self.why = why }
    }
}
