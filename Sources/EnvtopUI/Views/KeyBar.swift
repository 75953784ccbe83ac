import EnvtopCore
/// The bottom key bar: the hints for `bindings` (built from `KeyBindings.keyBar`, the same table
/// dispatch reads).
///
/// When every hint does not fit, the help texts shorten to a word, then the least needed hints
/// (movement, refresh, sort) go; "?" (help) and "q" (quit) always stay.
public struct KeyBar: Widget, Sendable, Equatable {
    /// One hint: a binding and the words shown after its keys.
    public struct Item: Sendable, Equatable {
        public var binding: Binding
        public var text: String
    }

    /// The hints of the current key scope, in table order.
    public var bindings: [Binding]
    /// The dashboard is read-only: no global destructive key is offered, whatever `bindings` holds.
    public var readOnly: Bool
    /// Words that replace a binding's help for the current selection (e.g. a graceful stop for an
    /// item no live worker holds), in full and when the bar is short of room.
    public var overrides: [Action: Override]

    public struct Override: Sendable, Equatable {
        public var full: String
        public var short: String

        public init(full: String, short: String) {
            self.full = full
            self.short = short
        }
    }

    /// Actions no environment in view allows (a profile's `allow:`): not offered.
    public var forbidden: Set<Action>

    public init(bindings: [Binding], readOnly: Bool, overrides: [Action: Override] = [:], forbidden: Set<Action> = []) {
        self.bindings = bindings
        self.readOnly = readOnly
        self.overrides = overrides
        self.forbidden = forbidden
    }

    /// Hints dropped first when the bar is too narrow, in this order.
    static let dropOrder: [Action] = [.moveDown, .moveUp, .refresh, .sort, .focusDetail, .focusList, .filter, .pause, .search]

    /// The hints shown at `width`.
    public func items(width: Int) -> [Item] {
        var bindings = readOnly ? self.bindings.filter { !($0.scope == .global && $0.isDestructive) } : self.bindings
        if !forbidden.isEmpty { bindings.removeAll { forbidden.contains($0.action) } }
        let full = bindings.map { Item(binding: $0, text: overrides[$0.action]?.full ?? $0.help) }
        if Self.fits(full, gap: 2, width: width) { return full }
        var short = bindings.map { Item(binding: $0, text: overrides[$0.action]?.short ?? Self.shortText($0)) }
        if Self.fits(short, gap: 2, width: width) { return short }
        for action in Self.dropOrder where !Self.fits(short, gap: 1, width: width) {
            short.removeAll { $0.binding.action == action }
        }
        while !Self.fits(short, gap: 1, width: width),
            let index = short.lastIndex(where: { $0.binding.action != .help && $0.binding.action != .quit })
        {
            short.remove(at: index)
        }
        return short
    }

    public func render(in rect: Rect, on screen: inout Screen) {
        guard !rect.isEmpty else { return }
        screen.fill(rect, style: CellStyle(.keyBar))
        let items = items(width: rect.width)
        let gap = Self.fits(items, gap: 2, width: rect.width) ? "  " : " "
        var spans: [Span] = []
        for (i, item) in items.enumerated() {
            if i > 0 { spans.append(Span(gap, .keyBar)) }
            spans.append(Span(item.binding.label, item.binding.isDestructive ? .destructive : .keyBarKey))
            spans.append(Span(" " + item.text, .keyBar))
        }
        SpanWriter.write(spans, x: rect.x + 1, y: rect.y, maxWidth: rect.width - 1, into: &screen)
    }

    static func fits(_ items: [Item], gap: Int, width: Int) -> Bool {
        let content = items.reduce(0) { $0 + SafeText.width($1.binding.label) + 1 + SafeText.width($1.text) }
        return 1 + content + gap * max(0, items.count - 1) <= width
    }

    /// A one-word form of the help: its first word, with a few actions named more clearly.
    static func shortText(_ binding: Binding) -> String {
        switch binding.action {
        case .forceStop: return "force stop"
        case .focusDetail: return "detail"
        case .focusList: return "list"
        case .sort: return "sort"
        default:
            let word = binding.help.split(separator: " ").first.map(String.init) ?? binding.help
            return word.trimmed(of: ":,")
        }
    }
}

extension String {
    /// The string without the given characters at either end.
    fileprivate func trimmed(of set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s.removeFirst() }
        while let c = s.last, set.contains(c) { s.removeLast() }
        return String(s)
    }
}
