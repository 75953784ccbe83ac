import Foundation

/// Finds the built `envtop` executable beside the test bundle (`swift test` builds it too).
enum TestBinary {
    static var envtop: String? {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var candidates = [exe.deletingLastPathComponent().appendingPathComponent("envtop").path]
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/envtop").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// True on CI, where a missing tool is a failure rather than a reason to skip.
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }
}
