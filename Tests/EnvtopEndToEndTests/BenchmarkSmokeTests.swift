import Foundation
import Testing

/// `envtop bench-render` still runs and reports every figure `scripts/bench.sh` reads.
/// Benchmarks are not tests: no timing is asserted, only that the numbers exist and add up.
@Suite("Benchmark smoke")
struct BenchmarkSmokeTests {
    @Test("bench-render with a few hundred items prints the JSON the benchmark script reads")
    func benchRender() async throws {
        let binary = try #require(TestBinary.envtop, "the envtop executable is not built: run swift build")
        let (status, output) = try await Self.run(
            binary, ["bench-render", "--items", "450", "--frames", "3", "--query", "web-4"], timeout: 60)
        #expect(status == 0, "bench-render failed: \(output)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])

        #expect(json["items"] as? Int == 450)
        #expect(json["width"] as? Int == 120 && json["height"] as? Int == 40)
        // 450 items in pages of 200: three pages and the stats.
        #expect(json["load_requests"] as? Int == 4)
        #expect((json["load_ms"] as? Double ?? -1) >= 0)
        for key in ["frame", "diff_after_tick", "key_down", "refresh_cycle"] {
            let timings = try #require(json[key] as? [String: Any], "\(key) missing")
            for field in ["median_ms", "p90_ms", "min_ms", "max_ms", "count"] {
                #expect(timings[field] != nil, "\(key).\(field) missing")
            }
            #expect((timings["count"] as? Int ?? 0) >= 1)
        }
        #expect((json["glyphs_changed_by_tick"] as? Int ?? -1) >= 1, "a clock tick changes at least the clock")
        #expect((json["requests_per_refresh"] as? Double ?? 0) >= 1)
        #expect((json["peak_rss_mib"] as? Double ?? 0) > 0)

        let search = try #require(json["search"] as? [String: Any])
        #expect(search["query"] as? String == "web-4")
        #expect((search["per_keystroke_ms"] as? [Double])?.count == 5)
        // Item n has repo=acme/web-(n % 50): "web-4" matches web-4 and web-40...web-49, 11 in
        // every 50, so 9 x 11 of 450.
        #expect(search["matches"] as? Int == 99)
    }

    /// Runs the binary with its output in a temporary file, bounded in time.
    static func run(_ binary: String, _ arguments: [String], timeout: TimeInterval) async throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("bench-smoke-\(UUID().uuidString).json")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try handle.close()
        return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }
}
