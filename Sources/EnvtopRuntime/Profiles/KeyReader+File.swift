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

extension KeyReader {
    /// Why a key file was refused; says nothing of what the file holds.
    enum FileProblem: Error, Equatable {
        case cannotOpen(String)
        case notRegular
        case openToOthers(mode: UInt32)
        case ownedByAnother(uid: UInt32)
        case tooLarge
        case empty

        /// The rest of a sentence that starts with the file's kind ("API key file").
        func describe(_ path: String) -> String {
            switch self {
            case .cannotOpen(let why): return "\(path) cannot be read: \(why)"
            case .notRegular: return "\(path) is not a regular file"
            case .openToOthers(let mode):
                let octal = String(mode & 0o7777, radix: 8)
                let how = mode & 0o044 != 0 ? "readable" : "writable"
                return "\(path) is \(how) by others (mode \(String(repeating: "0", count: max(0, 4 - octal.count)) + octal)); "
                    + "run: chmod 600 \(Self.shellWord(path))"
            case .ownedByAnother(let uid):
                return "\(path) is owned by another user (uid \(uid)); a key file must be yours"
            case .tooLarge: return "\(path) is too large to hold a key (over \(KeyReader.maximumKeyBytes / 1024) KiB)"
            case .empty: return "\(path) is empty"
            }
        }

        /// The path as the operator can paste it into a shell (`~/` kept: the shell expands it).
        private static func shellWord(_ path: String) -> String {
            let plain = path.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-~+,:@".contains($0)) }
            if plain { return path }
            return "'" + path.replacing("'", with: "'\\''") + "'"
        }
    }

    /// A key is short; anything larger is the wrong file.
    static let maximumKeyBytes = 64 * 1024

    /// The file's contents, trimmed, if it is a regular file only its owner can read or change.
    ///
    /// The checks look at the opened file itself (not the path again), so the file cannot be
    /// swapped between the check and the read; `O_NONBLOCK` keeps a FIFO from hanging the startup.
    func readPrivateFile(_ path: String) -> Result<String, FileProblem> {
        let descriptor = open(expandingHome(path), O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.cannotOpen(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.cannotOpen(String(cString: strerror(errno)))) }
        let mode = UInt32(status.st_mode)
        guard mode & 0o170000 == 0o100000 else { return .failure(.notRegular) }
        guard mode & 0o077 == 0 else { return .failure(.openToOthers(mode: mode)) }
        guard status.st_uid == geteuid() || status.st_uid == 0 else { return .failure(.ownedByAnother(uid: status.st_uid)) }
        guard status.st_size <= Self.maximumKeyBytes else { return .failure(.tooLarge) }
        let data: [UInt8]
        switch RawIO.readAll(descriptor, limit: Self.maximumKeyBytes) {
        case .success(let bytes): data = bytes
        case .failure(let failure): return .failure(.cannotOpen(failure.reason))
        }
        guard data.count <= Self.maximumKeyBytes else { return .failure(.tooLarge) }
        let text = String(decoding: data, as: UTF8.self).trimmed()
        return text.isEmpty ? .failure(.empty) : .success(text)
    }
}
