/// The colours a profile may give its label (`color:` in a profile). Each is a theme role
/// (`env.red`, …), so every theme, mono included, decides how it looks.
public enum ProfileColor: String, Sendable, Hashable, CaseIterable {
    case red, green, yellow, blue, magenta, cyan, white
}
