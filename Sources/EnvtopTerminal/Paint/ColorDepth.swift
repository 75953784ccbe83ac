/// How many colours the terminal can show, from none to 24-bit.
///
/// Themes name colours freely (`ThemeColor`); `ColorMapper` folds them down to this depth, so
/// one theme looks right on every terminal.
public enum ColorDepth: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    /// No colour at all: only attributes (bold, reverse, underline). `NO_COLOR` gives this.
    case none
    /// The 8 basic colours; bright foregrounds become bold.
    case ansi8
    /// The 16 ANSI colours.
    case ansi16
    /// The xterm 256-colour palette.
    case indexed256
    /// 24-bit colour. curses emits it only with a direct-colour terminfo entry (`*-direct`,
    /// where curses reports 2^24 colours).
    case trueColor

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .none: "none"
        case .ansi8: "8"
        case .ansi16: "16"
        case .indexed256: "256"
        case .trueColor: "truecolor"
        }
    }

    /// The number of colours curses reports for direct-colour (24-bit) terminals.
    public static let directColorCount = 1 << 24

    /// `NO_COLOR` set to any value (even empty, as the envtop issue states) asks for no colour.
    ///
    /// no-color.org ignores an empty value; envtop follows its own spec, which says "any value".
    public static func isNoColorRequested(_ environment: [String: String]) -> Bool {
        environment["NO_COLOR"] != nil
    }

    /// The depth for a terminal, from the environment and what curses reports.
    ///
    /// - Parameters:
    ///   - environment: checked for `NO_COLOR`.
    ///   - hasColors: curses `has_colors()`.
    ///   - colors: curses `COLORS` (2^24 for direct-colour entries such as `xterm-direct`).
    public static func detect(environment: [String: String], hasColors: Bool, colors: Int) -> ColorDepth {
        if isNoColorRequested(environment) || !hasColors { return .none }
        return capability(colors: colors)
    }

    /// The most a terminal reporting `colors` colours can show, ignoring `NO_COLOR`.
    public static func capability(colors: Int) -> ColorDepth {
        switch colors {
        case directColorCount...: .trueColor
        case 256...: .indexed256
        case 16...: .ansi16
        case 8...: .ansi8
        default: .none
        }
    }

    /// The depth actually used: an explicit request (e.g. a `--color` flag) wins over detection
    /// and over `NO_COLOR` (as no-color.org asks of per-run options), but is clamped to what
    /// the terminal can show, since curses cannot emit more than terminfo describes.
    public static func effective(
        requested: ColorDepth?, environment: [String: String], hasColors: Bool, colors: Int
    ) -> ColorDepth {
        guard let requested else { return detect(environment: environment, hasColors: hasColors, colors: colors) }
        guard hasColors else { return .none }
        return min(requested, capability(colors: colors))
    }
}
