#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
private let systemWrite = Darwin.write
#endif

/// Reading and writing whole file descriptors with the C library, in place of Foundation's
/// `FileHandle`: envtop keeps full Foundation out of its binary (README, "Install").
public enum RawIO {
    public static let standardInput: Int32 = 0
    public static let standardOutput: Int32 = 1
    public static let standardError: Int32 = 2

    /// Writes every byte (retrying short writes and interrupts); false when the descriptor
    /// refuses (a closed pipe, a full disk), which callers treat as a lost line, never a crash.
    @discardableResult
    public static func write(_ bytes: some Collection<UInt8>, to descriptor: Int32) -> Bool {
        let array = Array(bytes)
        return array.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }

    @discardableResult
    public static func write(_ text: String, to descriptor: Int32) -> Bool {
        write(Array(text.utf8), to: descriptor)
    }

    /// Everything up to end of file, or the first `limit` bytes plus one (so a caller can tell
    /// "too large" from "exactly the limit"); the C library's reason when a read fails.
    public static func readAll(_ descriptor: Int32, limit: Int = .max) -> Result<[UInt8], ReadFailure> {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while result.count <= limit {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return .failure(ReadFailure(reason: String(cString: strerror(errno)))) }
            if count == 0 { break }
            result.append(contentsOf: chunk[..<count])
        }
        return .success(result)
    }

    public struct ReadFailure: Error, Sendable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }
}
