/// Times a piece of work with the monotonic clock, in milliseconds.
enum Stopwatch {
    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        return (ContinuousClock.now - start) / .milliseconds(1)
    }
}

/// Order statistics of a set of timings.
struct Timings: Encodable {
    let count: Int
    let medianMs: Double
    let p90Ms: Double
    let minMs: Double
    let maxMs: Double

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        count = sorted.count
        func at(_ q: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded()))]
        }
        medianMs = Self.median(sorted)
        p90Ms = at(0.9)
        minMs = sorted.first ?? 0
        maxMs = sorted.last ?? 0
    }

    static func median(_ sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
