import EnvtopCore
import Foundation
import Logging

/// A swift-log handler that appends lines to a file.
///
/// While the dashboard is on screen nothing may be written to stdout or stderr, so diagnostics go
/// here. Callers never put credentials in a line; what servers said (messages, names) is
/// escaped, so a log line is one line and `tail -f` of the log runs no escape sequence.
struct FileLogHandler: LogHandler {
    final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private let handle: FileHandle?

        /// Opens (or creates, 0600) the log. Call `SafeFiles.logProblem` first: a FIFO would
        /// block here.
        init(path: String) {
            let url = URL(fileURLWithPath: path)
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            handle = FileHandle(forWritingAtPath: path)
            _ = try? handle?.seekToEnd()
        }

        func write(_ line: String) {
            lock.lock()
            defer { lock.unlock() }
            // A full disk or a broken file loses a log line, never the dashboard.
            try? handle?.write(contentsOf: Data(line.utf8))
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
        let stamp = ISO8601DateFormatter().string(from: Date())
        sink.write("\(stamp) \(event.level) \(label): \(Self.oneLine("\(event.message)\(meta)"))\n")
    }

    /// Control characters (a newline that would forge a line, an ESC) as visible escapes.
    static func oneLine(_ text: String) -> String {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F } ? text : SafeText.visible(text)
    }
}
