import EnvtopCore
/// What `--theme` (or `theme:` in the config) names: a theme by name, or a file by path.
///
/// A path contains `/` or ends in `.yaml`; anything else is a name, looked up as `NAME.yaml`
/// in the theme directories (see `ThemeSearchPath`).
public enum ThemeReference: Sendable, Hashable {
    case name(String)
    case path(String)

    public init(_ text: String) {
        if text.contains("/") || text.hasSuffix(".yaml") {
            self = .path(text)
        } else {
            self = .name(text)
        }
    }

    /// The theme's name: the name itself, or the file name without `.yaml`.
    public var themeName: String {
        switch self {
        case .name(let name): return name
        case .path(let path): return ThemeReference.themeName(ofFile: path)
        }
    }

    /// `/a/b/dracula.yaml` -> `dracula`.
    public static func themeName(ofFile path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".yaml") ? String(file.dropLast(5)) : file
    }
}
