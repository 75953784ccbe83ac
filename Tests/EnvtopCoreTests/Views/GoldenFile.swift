import Foundation
import Testing

/// Compares text with `Golden/<name>.txt`; `RECORD_GOLDEN=1` rewrites the file and fails the
/// test, so a recording run is never mistaken for a passing one.
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent("\(name).txt")
        let text = actual.hasSuffix("\n") ? actual : actual + "\n"
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            do {
                try text.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("Recorded \(url.lastPathComponent); run again without RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            } catch {
                Issue.record("Cannot write \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("Missing golden \(url.lastPathComponent): run with RECORD_GOLDEN=1 to create it", sourceLocation: sourceLocation)
            return
        }
        if expected == text { return }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
        let want = line < e.count ? String(e[line]) : "<end>"
        let got = line < a.count ? String(a[line]) : "<end>"
        Issue.record(
            "\(name) differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)\n--- actual ---\n\(text)",
            sourceLocation: sourceLocation)
    }
}
