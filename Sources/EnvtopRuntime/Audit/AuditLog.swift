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

/// The audit log: one JSON line per action attempt and result, appended to
/// `$XDG_STATE_HOME/envtop/audit.jsonl` (mode 0600) and flushed to disk (fsync) before the
/// dashboard says it happened. A line is written with one `write` on an `O_APPEND` descriptor,
/// so two envtops appending at once never interleave their lines.
public struct AuditLog: Sendable {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var why: String
        public var description: String { "the audit log \(path) cannot be written (\(why))" }
    }

    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Appends one record and fsyncs it; creates the file (0600) and its directory (0700).
    public func append(_ record: AuditRecord) throws(Failure) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(record) else { throw Failure(path: path, why: "the record does not encode") }
        line.append(0x0A)
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        if !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw Failure(path: path, why: "cannot create \(directory): \(error)")
            }
        }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure(path: path, why: String(cString: strerror(errno))) }
        defer { close(fd) }
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == line.count else {
            throw Failure(path: path, why: written < 0 ? String(cString: strerror(errno)) : "short write")
        }
        guard fsync(fd) == 0 else { throw Failure(path: path, why: "fsync: \(String(cString: strerror(errno)))") }
    }

    /// A line that is not a record: its number (from 1) and why.
    public struct BadLine: Sendable, Equatable {
        public var line: Int
        public var why: String
    }

    /// Every record in the file, and the lines that are not records (reported, never fatal).
    public func read() throws(Failure) -> (records: [AuditRecord], bad: [BadLine]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            if !FileManager.default.fileExists(atPath: path) { return ([], []) }
            throw Failure(path: path, why: "cannot read it")
        }
        var records: [AuditRecord] = []
        var bad: [BadLine] = []
        let decoder = JSONDecoder()
        for (n, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            do {
                records.append(try decoder.decode(AuditRecord.self, from: Data(line)))
            } catch {
                bad.append(BadLine(line: n + 1, why: "not an audit record"))
            }
        }
        return (records, bad)
    }
}

/// Who acts, and where the log goes: what the effect runner needs to audit an action.
public struct AuditTrail: Sendable {
    public var log: AuditLog
    /// `user@host`.
    public var user: String
    /// Each environment's profile name.
    public var profiles: [String: String]

    public init(log: AuditLog, user: String, profiles: [String: String]) {
        self.log = log
        self.user = user
        self.profiles = profiles
    }

    /// `$USER@hostname`, as far as the system says.
    public static func currentUser(_ environment: [String: String]) -> String {
        var user = environment["USER"] ?? environment["LOGNAME"]
        if user == nil, let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { user = String(cString: name) }
        return "\(user ?? "uid\(getuid())")@\(ProcessInfo.processInfo.hostName)"
    }
}
