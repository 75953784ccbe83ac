extension Double {
    /// The value with one decimal, as `%.1f` prints it ("2.5", "-0.3", "12.0"): envtop does not
    /// link full Foundation, where `String(format:)` lives.
    public var tenthsText: String {
        guard isFinite, abs(self) < 1e15 else { return String(self) }
        let tenths = Int((abs(self) * 10).rounded())
        let sign = self < 0 && tenths > 0 ? "-" : ""
        return "\(sign)\(tenths / 10).\(tenths % 10)"
    }
}
