/// Key names as the config's `keys:` writes them: a character (`K`, `?`), `space`, `enter`,
/// `tab`, `shift-tab`, `esc`, `backspace`, `delete`, arrows, `pgup`, `pgdn`, `home`, `end`,
/// `ctrl-x`, `f1`–`f12`.
public enum KeyName {
    static let named: [String: Key] = [
        "space": .character(" "), "enter": .enter, "return": .enter, "tab": .tab, "shift-tab": .backTab,
        "backtab": .backTab, "esc": .escape, "escape": .escape, "backspace": .backspace, "delete": .delete, "del": .delete,
        "up": .up, "down": .down, "left": .left, "right": .right, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown,
        "pagedown": .pageDown, "home": .home, "end": .end,
    ]

    /// Every name for the error message.
    public static let examples = "a character, space, enter, tab, shift-tab, esc, backspace, delete, up, down, left, right, pgup, pgdn, home, end, ctrl-x, f1-f12"

    /// The key `text` names, or nil.
    public static func key(_ text: String) -> Key? {
        if text.count == 1, let c = text.first, !c.isWhitespace { return .character(c) }
        let lower = text.lowercased()
        if let key = named[lower] { return key }
        for prefix in ["ctrl-", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            if rest.count == 1, let c = rest.first, c.isLetter { return .control(c) }
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) { return .function(n) }
        return nil
    }

    /// The known names, for suggestions.
    static var candidates: [String] { Array(named.keys) + ["ctrl-x"] }
}
