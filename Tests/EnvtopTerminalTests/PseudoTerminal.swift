#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses

/// A pseudo-terminal pair for driving `CursesTerminal` without a real terminal: the terminal
/// gets the secondary side as its tty; the test reads what it paints from the primary side
/// and types into it.
final class PseudoTerminal: Sendable {
    let primary: Int32
    let secondary: Int32

    init?(columns: Int, rows: Int) {
        var primary: Int32 = -1
        var secondary: Int32 = -1
        guard envtop_open_pty(&primary, &secondary) == 0 else { return nil }
        self.primary = primary
        self.secondary = secondary
        resize(columns: columns, rows: rows)
    }

    deinit {
        close(secondary)
        close(primary)
    }

    func resize(columns: Int, rows: Int) {
        _ = envtop_set_window_size(primary, Int32(rows), Int32(columns))
    }

    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(primary, $0.baseAddress, $0.count) }
    }

    /// Reads what arrives within `quiet` ms of the previous chunk, for at most `limit` ms.
    func read(quiet: Int32 = 60, limit: Int = 2000) -> [UInt8] {
        var bytes: [UInt8] = []
        let deadline = Clock.now + limit
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Clock.now < deadline {
            var fd = pollfd(fd: primary, events: Int16(POLLIN), revents: 0)
            guard poll(&fd, 1, quiet) > 0 else { break }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(primary, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }

    /// Reads until `predicate` holds for everything read so far, or `limit` ms pass.
    func read(until predicate: ([UInt8]) -> Bool, limit: Int = 3000) -> [UInt8] {
        var bytes: [UInt8] = []
        let deadline = Clock.now + limit
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Clock.now < deadline && !predicate(bytes) {
            var fd = pollfd(fd: primary, events: Int16(POLLIN), revents: 0)
            guard poll(&fd, 1, 20) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(primary, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }

    /// The secondary side's termios, to check the terminal modes are restored.
    func modes() -> termios {
        var modes = termios()
        tcgetattr(secondary, &modes)
        return modes
    }

    /// Milliseconds on a monotonic clock.
    enum Clock {
        static var now: Int {
            var spec = timespec()
            clock_gettime(CLOCK_MONOTONIC, &spec)
            return spec.tv_sec * 1000 + spec.tv_nsec / 1_000_000
        }
    }
}

extension Array where Element == UInt8 {
    func contains(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        for start in 0...(count - needle.count) where self[start] == needle[0] {
            if Array(self[start..<(start + needle.count)]) == needle { return true }
        }
        return false
    }

    var text: String { String(decoding: self, as: UTF8.self) }
}
