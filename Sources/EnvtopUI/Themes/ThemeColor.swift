import EnvtopCore
/// A colour as a theme names it.
public enum ThemeColor: Sendable, Hashable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 16 ANSI colours (0-7 normal, 8-15 bright).
    case ansi(Int)
    /// One of the 256 xterm colours.
    case indexed(Int)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    public static let black = ThemeColor.ansi(0)
    public static let red = ThemeColor.ansi(1)
    public static let green = ThemeColor.ansi(2)
    public static let yellow = ThemeColor.ansi(3)
    public static let blue = ThemeColor.ansi(4)
    public static let magenta = ThemeColor.ansi(5)
    public static let cyan = ThemeColor.ansi(6)
    public static let white = ThemeColor.ansi(7)
    public static let brightBlack = ThemeColor.ansi(8)
    public static let brightRed = ThemeColor.ansi(9)
    public static let brightGreen = ThemeColor.ansi(10)
    public static let brightYellow = ThemeColor.ansi(11)
    public static let brightBlue = ThemeColor.ansi(12)
    public static let brightMagenta = ThemeColor.ansi(13)
    public static let brightCyan = ThemeColor.ansi(14)
    public static let brightWhite = ThemeColor.ansi(15)
}

/// How a role looks: colours and attributes. `nil` colours mean the terminal's default.
public struct RoleStyle: Sendable, Hashable {
    public var foreground: ThemeColor?
    public var background: ThemeColor?
    public var attributes: TextAttributes

    public init(foreground: ThemeColor? = nil, background: ThemeColor? = nil, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}
