import EnvtopCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Logging
import Synchronization
import EnvtopRuntime

/// A swift-log handler that appends lines to a file.
///
/// While the dashboard is on screen nothing may be written to stdout or stderr, so diagnostics go
/// here. Callers never put credentials in a line; what servers said (messages, names) is
/// escaped, so a log line is one line and `tail -f` of the log runs no escape sequence.
struct FileLogHandler: LogHandler {
    final class Sink: Sendable {
        /// The open log, or -1 when it could not be opened (lines are then dropped).
        private let descriptor: Int32
        /// One writer at a time, so lines from two tasks never interleave.
        private let lock = Mutex(())

        /// Opens (or creates, 0600) the log. Call `SafeFiles.logProblem` first: a FIFO would
        /// block here.
        init(path: String) {
            let url = URL(fileURLWithPath: path)
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        }

        deinit { if descriptor >= 0 { close(descriptor) } }

        func write(_ line: String) {
            guard descriptor >= 0 else { return }
            // A full disk or a broken file loses a log line, never the dashboard.
            lock.withLock { _ in _ = RawIO.write(line, to: descriptor) }
        }
    }

    let label: String
    let sink: Sink
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    init(label: String, sink: Sink) {
        self.label = label
        self.sink = sink
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let meta = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: " ")
        let stamp = Date().formatted(Self.stampStyle)
        sink.write("\(stamp) \(event.level) \(label): \(Self.oneLine("\(event.message)\(meta)"))\n")
    }

    static let stampStyle = Date.ISO8601FormatStyle(timeZone: .gmt)

    /// Control characters (a newline that would forge a line, an ESC) as visible escapes.
    static func oneLine(_ text: String) -> String {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F } ? text : SafeText.visible(text)
    }
}
