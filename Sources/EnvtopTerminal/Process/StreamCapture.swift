#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Points a standard stream (stdout or stderr) away from the terminal while the screen is up.
///
/// Anything a library prints would otherwise land in the middle of the dashboard. With a log
/// file the stream is appended to it (and stays there); without one it goes to an unlinked
/// temporary file whose content is written back to the real stream when the capture ends (or
/// by the crash handler), like htop's `redirectStderr`/`dumpStderr`.
struct StreamCapture {
    let stream: Int32
    /// The real stream (the terminal), kept open to restore it.
    let savedFD: Int32
    /// The file the stream points at meanwhile.
    let targetFD: Int32
    let isTemporary: Bool

    /// Starts capturing `stream`; nil when it could not be redirected (it is left untouched).
    static func begin(stream: Int32, logFile: String?) -> StreamCapture? {
        var target: Int32 = -1
        var temporary = false
        if let logFile, !logFile.isEmpty {
            target = open(logFile, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        }
        if target < 0 {
            target = makeTemporaryFile()
            temporary = true
        }
        guard target >= 0 else { return nil }
        fflush(nil)
        let saved = dup(stream)
        guard saved >= 0, dup2(target, stream) >= 0 else {
            if saved >= 0 { close(saved) }
            close(target)
            return nil
        }
        _ = fcntl(saved, F_SETFD, FD_CLOEXEC)
        return StreamCapture(stream: stream, savedFD: saved, targetFD: target, isTemporary: temporary)
    }

    /// Gives the stream back; a temporary capture is replayed into it.
    func end() {
        fflush(nil)
        _ = dup2(savedFD, stream)
        close(savedFD)
        if isTemporary { replay() }
        close(targetFD)
    }

    private func replay() {
        guard lseek(targetFD, 0, SEEK_SET) == 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        // Bounded: a capture is a finite file; stop at 64 MiB in any case.
        for _ in 0..<16_384 {
            let count = buffer.withUnsafeMutableBytes { read(targetFD, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            var offset = 0
            while offset < count {
                let written = buffer.withUnsafeBytes { write(stream, $0.baseAddress! + offset, count - offset) }
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// An unlinked file in `$TMPDIR` (or /tmp): nothing is left behind, whatever happens.
    private static func makeTemporaryFile() -> Int32 {
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/envtop-capture-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return -1 }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        return fd
    }
}
