/// Which terminfo entry to start curses with.
///
/// curses can only emit what terminfo describes, and almost every truecolor terminal runs with
/// `TERM=…-256color` plus `COLORTERM=truecolor`. So when the theme has colours beyond the 16
/// ANSI ones (RGB or palette entries, which 256 colours only approximate), the terminal says
/// it does 24-bit colour, and a direct-colour sibling (`xterm-direct` for `xterm-256color`,
/// from the ncurses-term package) exists, that sibling is used. Themes built from ANSI
/// colours keep the 256-colour entry on purpose: direct-colour entries have only 8 indexed
/// colours, so the user's palette for the 8 bright colours would be replaced by fixed RGB.
public enum TermSelection {
    public static func resolve(
        term: String, colorTerm: String?, themeWantsDirectColor: Bool, exists: (String) -> Bool
    ) -> String {
        guard themeWantsDirectColor, let colorTerm, ["truecolor", "24bit"].contains(colorTerm.lowercased()) else {
            return term
        }
        let suffix = "-256color"
        guard term.hasSuffix(suffix) else { return term }
        let direct = String(term.dropLast(suffix.count)) + "-direct"
        return exists(direct) ? direct : term
    }
}
