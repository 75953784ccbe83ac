import EnvtopCore

/// A series drawn as one character per value, eight heights high: `▁▂▃▄▅▆▇█`, or an ASCII ramp
/// where the terminal cannot show block elements.
///
/// The scale runs from 0 to the largest value shown (or `ceiling`, when larger), so an idle
/// queue reads as a flat floor and a burst as a spike; a cell with no sample is blank. A value
/// above 0 is never drawn as the floor, so one waiting item shows.
public struct Sparkline: Widget, Sendable, Equatable {
    public enum Glyphs: Sendable, Equatable {
        case blocks, ascii

        var ramp: [Character] {
            switch self {
            case .blocks: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
            case .ascii: ["_", ".", "-", "~", "=", "+", "*", "#"]
            }
        }
    }

    public var values: [Double?]
    public var glyphs: Glyphs
    /// The top of the scale at least (e.g. 1, so a series of zeros and ones is not drawn full height).
    public var ceiling: Double
    public var role: ThemeRole

    public init(_ values: [Double?], glyphs: Glyphs = .blocks, ceiling: Double = 1, role: ThemeRole = .headerValue) {
        self.values = values
        self.glyphs = glyphs
        self.ceiling = ceiling
        self.role = role
    }

    /// The characters, one per value.
    public var text: String {
        let ramp = glyphs.ramp
        let top = max(ceiling, values.compactMap { $0 }.max() ?? 0)
        return String(values.map { value -> Character in
            guard let value, value.isFinite else { return " " }
            guard value > 0, top > 0 else { return ramp[0] }
            let level = Int((value / top * Double(ramp.count - 1)).rounded())
            return ramp[min(ramp.count - 1, max(1, level))]
        })
    }

    /// Draws the newest values that fit, right-aligned in the first row of `area`.
    public func render(in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        let shown = Sparkline(Array(values.suffix(area.width)), glyphs: glyphs, ceiling: ceiling, role: role)
        let text = shown.text
        screen.write(text, x: area.x + area.width - text.count, y: area.y, maxWidth: area.width, style: CellStyle(role))
    }
}
