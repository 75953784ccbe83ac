import EnvtopCore
/// Which theme a run starts with, and whether it may use colour at all.
///
/// `--theme` beats the config's `theme:`, which beats `default`. `NO_COLOR` (set to anything,
/// even empty) gives `mono` with no colour, whatever the config says; only `--theme` on the
/// command line overrides it, as no-color.org asks of per-run options.
public struct ThemeChoice: Sendable, Hashable {
    public var reference: ThemeReference
    /// Paint no colour at all: attributes only.
    public var colorless: Bool
    /// `NO_COLOR` is set but `--theme` asked for colour anyway.
    public var overridesNoColor: Bool

    public init(reference: ThemeReference, colorless: Bool, overridesNoColor: Bool) {
        self.reference = reference
        self.colorless = colorless
        self.overridesNoColor = overridesNoColor
    }

    public static func make(commandLine: String?, config: String?, environment: [String: String]) -> ThemeChoice {
        let noColor = environment["NO_COLOR"] != nil
        if let commandLine {
            return ThemeChoice(reference: ThemeReference(commandLine), colorless: false, overridesNoColor: noColor)
        }
        if noColor {
            return ThemeChoice(reference: .name("mono"), colorless: true, overridesNoColor: false)
        }
        return ThemeChoice(reference: ThemeReference(config ?? "default"), colorless: false, overridesNoColor: false)
    }
}
