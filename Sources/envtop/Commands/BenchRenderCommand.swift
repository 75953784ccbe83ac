import EnvtopRuntime
import ArgumentParser
import EnvtopCore
import EnvtopUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `envtop bench-render --items N` (hidden): times frames, keys, refreshes and a search with N
/// synthetic work items and prints the figures as JSON, for `scripts/bench.sh` and BENCHMARKS.md.
struct BenchRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-render",
        abstract: "Measure frame, key, refresh and search times with N synthetic work items (JSON).",
        shouldDisplay: false)

    @Option(help: "Work items in each synthetic environment.") var items: Int = 1000
    @Option(help: "Synthetic environments, shown merged when more than one.") var environments: Int = 1
    @Option(help: "Frames (and keys) to time.") var frames: Int = 200
    @Option(help: "Items per list page.") var pageSize: Int = 200
    @Option(help: "Screen width in cells.") var width: Int = 120
    @Option(help: "Screen height in cells.") var height: Int = 40
    @Option(help: "The search typed, one key at a time.") var query: String = "web-42"
    @Option(help: "Run one workload once and print nothing, for instruction counts under callgrind: load, refresh (load, then --frames refresh cycles of unchanged items, 1.5 s apart), frames (load, then --frames frames), search (load, then / and one character).")
    var workload: RenderBenchmark.Workload?

    func validate() throws {
        guard items >= 0, environments >= 1, environments <= 20, frames >= 1, pageSize >= 1, width >= 20, height >= 10, !query.isEmpty else {
            throw ValidationError("--items >= 0, --frames >= 1, --page-size >= 1, --width >= 20, --height >= 10, --query non-empty")
        }
    }

    func run() throws {
        // A fixed clock for a workload, so that every run executes the same instructions.
        let now = workload == nil ? Date() : Date(timeIntervalSince1970: 1_800_000_000)
        let works = (0..<environments).map { n in
            let suffix = String(n)
            let id = "env_bench" + String(repeating: "0", count: max(0, 19 - suffix.count)) + suffix
            return SyntheticWork(count: items, pageSize: pageSize, now: now, environmentID: id)
        }
        let benchmark = RenderBenchmark(works: works, size: Size(width: width, height: height), frames: frames, query: query)
        if let workload {
            benchmark.run(workload)
            return
        }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        let json = try encoder.encode(benchmark.run())
        RawIO.write(json + Data("\n".utf8), to: RawIO.standardOutput)
    }
}
