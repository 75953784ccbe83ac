import EnvtopCore
import EnvtopUI

/// A role's look in curses terms: colour numbers (-1 is the terminal default) and attributes.
public struct CursesStyle: Sendable, Hashable {
    public var foreground: Int32
    public var background: Int32
    public var attributes: TextAttributes

    public init(foreground: Int32 = -1, background: Int32 = -1, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// Folds theme colours down to what the terminal can show.
///
/// - `.trueColor` (a direct-colour terminfo entry): curses colours 0-7 are the ANSI colours and
///   anything else is `0xRRGGBB`, so ANSI 8-15 and palette entries 8-255 are sent as their xterm
///   RGB value and an RGB value below 8 is nudged to 8 (visually the same black).
/// - `.indexed256`: ANSI and palette colours pass through; RGB goes to the nearest entry of the
///   fixed 6x6x6 cube or grey ramp (16-255), never to 0-15, which users recolour.
/// - `.ansi16`: palette entries above 15 and RGB go to the nearest of xterm's 16 defaults.
/// - `.ansi8`: as 16, then bright colours fold onto 0-7; a bright *foreground* adds bold, the
///   classic way 8-colour terminals show bright text.
/// - `.none`: no colour; only attributes remain.
///
/// `supportsDefaultColors` is false when `use_default_colors()` failed: -1 is then not a valid
/// colour, so the default foreground becomes white (7) and the default background black (0).
public struct ColorMapper: Sendable, Hashable {
    public let depth: ColorDepth
    public let supportsDefaultColors: Bool

    public init(depth: ColorDepth, supportsDefaultColors: Bool = true) {
        self.depth = depth
        self.supportsDefaultColors = supportsDefaultColors
    }

    /// The curses style of a theme role style.
    public func style(_ role: RoleStyle) -> CursesStyle {
        guard depth != .none else { return CursesStyle(attributes: role.attributes) }
        let fg = color(role.foreground, isForeground: true)
        let bg = color(role.background, isForeground: false)
        var attributes = role.attributes
        if fg.addsBold { attributes.insert(.bold) }
        return CursesStyle(foreground: fg.index, background: bg.index, attributes: attributes)
    }

    /// The curses colour number for `color`, and whether bold must stand in for brightness.
    public func color(_ color: ThemeColor?, isForeground: Bool) -> (index: Int32, addsBold: Bool) {
        guard depth != .none, let color, color != .terminalDefault else {
            return (defaultIndex(isForeground: isForeground), false)
        }
        switch color {
        case .terminalDefault:
            return (defaultIndex(isForeground: isForeground), false)
        case .ansi(let n):
            return palette(min(max(n, 0), 15), isForeground: isForeground)
        case .indexed(let n):
            return palette(min(max(n, 0), 255), isForeground: isForeground)
        case .rgb(let r, let g, let b):
            return rgb(XtermPalette.RGB(r: Int(r), g: Int(g), b: Int(b)), isForeground: isForeground)
        }
    }

    private func defaultIndex(isForeground: Bool) -> Int32 {
        if supportsDefaultColors || depth == .none { return -1 }
        return isForeground ? 7 : 0
    }

    /// A palette entry (0-255) at this depth.
    private func palette(_ index: Int, isForeground: Bool) -> (index: Int32, addsBold: Bool) {
        switch depth {
        case .none:
            return (-1, false)
        case .trueColor:
            return index < 8 ? (Int32(index), false) : (Self.packed(XtermPalette.rgb(of: index)), false)
        case .indexed256:
            return (Int32(index), false)
        case .ansi16:
            return index < 16 ? (Int32(index), false) : (Int32(XtermPalette.nearestANSI(XtermPalette.rgb(of: index), count: 16)), false)
        case .ansi8:
            let sixteen = index < 16 ? index : XtermPalette.nearestANSI(XtermPalette.rgb(of: index), count: 16)
            return fold(sixteen, isForeground: isForeground)
        }
    }

    private func rgb(_ color: XtermPalette.RGB, isForeground: Bool) -> (index: Int32, addsBold: Bool) {
        switch depth {
        case .none: return (-1, false)
        case .trueColor: return (Self.packed(color), false)
        case .indexed256: return (Int32(XtermPalette.nearest256(color)), false)
        case .ansi16: return (Int32(XtermPalette.nearestANSI(color, count: 16)), false)
        case .ansi8: return fold(XtermPalette.nearestANSI(color, count: 16), isForeground: isForeground)
        }
    }

    /// One of 16 onto one of 8: bright foregrounds keep their brightness as bold.
    private func fold(_ sixteen: Int, isForeground: Bool) -> (index: Int32, addsBold: Bool) {
        (Int32(sixteen % 8), isForeground && sixteen >= 8)
    }

    /// `0xRRGGBB` as a direct-colour number; values below 8 would mean ANSI colours, so they
    /// become 8 (0x000008, indistinguishable from black).
    static func packed(_ color: XtermPalette.RGB) -> Int32 {
        max(8, Int32(color.r << 16 | color.g << 8 | color.b))
    }
}
