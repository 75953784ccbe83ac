/// A tiny seeded random generator, so one `--seed` replays the same history.
///
/// SplitMix64 (Steele, Lea, Flood 2014): fast, 64-bit state, good enough for a simulation, and
/// unlike `SystemRandomNumberGenerator` it can be reproduced from a seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An independent stream for one part of the simulation (one environment, one worker), so the
    /// parts do not shift each other's numbers when one of them draws more or less.
    public func derived(_ salt: UInt64) -> SplitMix64 {
        var copy = SplitMix64(seed: state ^ (salt &* 0xD1B5_4A32_D192_ED03))
        _ = copy.next()
        return SplitMix64(seed: copy.next())
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        guard p > 0 else { return false }
        return Double.random(in: 0..<1, using: &self) < p
    }
}
