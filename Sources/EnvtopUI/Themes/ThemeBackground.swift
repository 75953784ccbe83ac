import EnvtopCore
/// The terminal background a theme is made for.
///
/// Colours are not the whole story: a theme that leaves the background to the terminal reads
/// well only on the kind it was made for. `--list-themes` shows it, and the screenshot script
/// renders the terminal's default colours to match.
public enum ThemeBackground: String, Sendable, Hashable, CaseIterable {
    case dark
    case light
}
