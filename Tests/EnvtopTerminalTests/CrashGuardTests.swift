#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses
import Testing

@testable import EnvtopTerminal

extension CursesTerminalTests {
    /// The crash path for real, in a child process: the child only raises the signal (nothing
    /// else is safe after fork in a threaded process); the C handler it inherited must write
    /// the reset sequence, restore termios and re-raise so the child dies by that signal.
    /// SIGUSR1 stands in for SIGSEGV: same handler, but its default action is a quiet exit,
    /// not a core dump and a crash report from the Swift runtime.
    @Test("a crash restores the terminal from the signal handler, then dies by the signal")
    func crashRestores() throws {
        let pty = try #require(PseudoTerminal(columns: 80, rows: 24))
        let original = pty.modes()
        SignalGuard.saveTerminalModes(fd: pty.secondary)
        let reset = Array("\u{1B}[?1049l\u{1B}[0m\u{1B}[?25h".utf8)
        SignalGuard.setResetSequence(reset)
        var raw = original
        cfmakeraw(&raw)
        try #require(tcsetattr(pty.secondary, TCSANOW, &raw) == 0)
        let installed = SignalGuard.installCrashHandlers([SIGUSR1])
        defer { SignalGuard.uninstall(installed) }
        try #require(installed == [SIGUSR1])

        let child = fork()
        if child == 0 {
            // Test threads block most signals (Dispatch workers do); the app's crash signals
            // are synchronous and are delivered regardless, so unblock the stand-in first.
            var signal = SIGUSR1
            _ = envtop_unblock_signals(&signal, 1)
            raise(SIGUSR1)
            _exit(0)
        }
        try #require(child > 0)
        var status: Int32 = 0
        try #require(waitpid(child, &status, 0) == child)
        #expect(status & 0x7F == SIGUSR1, "child status \(status)")

        let written = pty.read(until: { $0.count >= reset.count }, limit: 2000)
        #expect(written == reset)
        let after = pty.modes()
        #expect(after.c_lflag == original.c_lflag)
        #expect(after.c_iflag == original.c_iflag)
        #expect(after.c_oflag == original.c_oflag)
    }
}

@Suite("StreamCapture")
struct StreamCaptureTests {
    /// A stand-in for stdout/stderr: a descriptor of our own that writes into a pipe.
    struct Stream {
        let fd: Int32
        let reader: Int32
        let writer: Int32

        init() throws {
            var fds: [Int32] = [-1, -1]
            try #require(pipe(&fds) == 0)
            reader = fds[0]
            writer = fds[1]
            fd = dup(writer)
            _ = fcntl(reader, F_SETFL, fcntl(reader, F_GETFL) | O_NONBLOCK)
        }

        func write(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        }

        func received() -> String {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
            return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
        }

        func close() {
            Glibc.close(fd)
            Glibc.close(writer)
            Glibc.close(reader)
        }
    }

    @Test("with a log file, writes go to the log while captured and to the stream after")
    func logFile() throws {
        let stream = try Stream()
        defer { stream.close() }
        let path = "/tmp/envtop-capture-test-\(getpid()).log"
        defer { unlink(path) }
        let capture = try #require(StreamCapture.begin(stream: stream.fd, logFile: path))
        #expect(!capture.isTemporary)
        stream.write("library noise\n")
        capture.end()
        stream.write("after\n")
        #expect(stream.received() == "after\n")
        let log = open(path, O_RDONLY)
        try #require(log >= 0)
        defer { close(log) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { read(log, $0.baseAddress, $0.count) }
        #expect(String(decoding: buffer[0..<max(0, count)], as: UTF8.self) == "library noise\n")
    }

    @Test("without a log file, the captured text is replayed when the capture ends")
    func temporary() throws {
        let stream = try Stream()
        defer { stream.close() }
        let capture = try #require(StreamCapture.begin(stream: stream.fd, logFile: nil))
        #expect(capture.isTemporary)
        stream.write("held back\n")
        #expect(stream.received() == "")
        capture.end()
        #expect(stream.received() == "held back\n")
    }
}
