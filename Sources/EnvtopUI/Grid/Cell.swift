import EnvtopCore
/// Text attributes a view may add on top of its role's theme style.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let reverse = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)
}

/// The style of one cell: a theme role plus attributes the view adds.
public struct CellStyle: Sendable, Hashable {
    public var role: ThemeRole
    public var attributes: TextAttributes

    public init(_ role: ThemeRole = .normal, _ attributes: TextAttributes = []) {
        self.role = role
        self.attributes = attributes
    }

    public static let normal = CellStyle()
}

/// One terminal cell.
///
/// `text` is one grapheme cluster of display width 1 or 2. A width-2 grapheme is followed by a
/// continuation cell (`isContinuation`, empty text) so columns stay aligned and the diff repaints
/// both halves together.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var style: CellStyle
    public var isContinuation: Bool

    public init(_ text: String = " ", style: CellStyle = .normal, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}
