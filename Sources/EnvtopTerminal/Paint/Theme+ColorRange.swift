import EnvtopCore
import EnvtopUI

extension Theme {
    /// True when some role uses an RGB colour or a palette entry beyond the 16 ANSI colours,
    /// which only a direct-colour terminal shows exactly (see `TermSelection`).
    var usesColorsBeyondANSI: Bool {
        styles.values.contains { style in
            [style.foreground, style.background].contains { color in
                switch color {
                case .rgb: true
                case .indexed(let n): n >= 16
                default: false
                }
            }
        }
    }
}
