#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The self-pipe the terminal thread polls beside stdin, so a new frame, a theme change, a
/// stop request or a signal wakes it at once while idle costs nothing.
///
/// Bytes: 0 means "look at the shared state"; any other value is a signal number written by
/// the C signal handler. Both ends are non-blocking: a full pipe already means a wake is due.
final class WakePipe: @unchecked Sendable {
    static let wakeByte: UInt8 = 0

    let readFD: Int32
    let writeFD: Int32

    init?() {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    func wake() {
        var byte = Self.wakeByte
        _ = write(writeFD, &byte, 1)
    }

    /// Everything written so far (bounded: at most 64 reads of 256 bytes).
    func drain() -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        for _ in 0..<64 {
            let count = buffer.withUnsafeMutableBytes { read(readFD, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }
}
