import EnvtopCore
import EnvtopUI

/// The themes the `t` key cycles through, and the one in use.
///
/// A value, not a shared object: the runtime loop keeps its own copy and is the only one that
/// moves it, so no lock is needed.
public struct ThemeRing: Sendable, Equatable {
    public let themes: [Theme]
    public private(set) var index: Int

    /// An empty list means the built-in default theme alone; `current` is clamped into the list.
    public init(themes: [Theme], current: Int = 0) {
        self.themes = themes.isEmpty ? [Theme.default] : themes
        self.index = min(max(0, current), self.themes.count - 1)
    }

    public var current: Theme { themes[index] }

    /// Moves to the next theme (wrapping around) and returns it.
    public mutating func advance() -> Theme {
        index = (index + 1) % themes.count
        return themes[index]
    }
}
