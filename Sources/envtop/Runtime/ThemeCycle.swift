import EnvtopCore
import Foundation

/// The themes the `t` key cycles through, starting at the one in use.
final class ThemeCycle: @unchecked Sendable {
    private let lock = NSLock()
    private let themes: [Theme]
    private var index = 0

    init(themes: [Theme], current: Int = 0) {
        self.themes = themes.isEmpty ? [Theme.default] : themes
        self.index = min(max(0, current), self.themes.count - 1)
    }

    var current: Theme {
        lock.lock()
        defer { lock.unlock() }
        return themes[index]
    }

    func next() -> Theme {
        lock.lock()
        defer { lock.unlock() }
        index = (index + 1) % themes.count
        return themes[index]
    }
}
