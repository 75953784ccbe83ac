import EnvtopCore
import EnvtopUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The text of `envtop --list-themes`: every theme, what it is for, where it comes from, and
/// the order envtop looks in.
enum ThemeListing {
    static func render(catalog: ThemeCatalog, startsWith: String?, noColor: Bool) -> String {
        let entries = catalog.entries()
        let builtInOnly = ThemeCatalog.builtIn.filter { builtIn in !entries.contains { $0.found.name == builtIn.name } }
        let width = max(12, (entries.map(\.found.name) + builtInOnly.map(\.name)).map(\.count).max() ?? 0)
        func pad(_ text: String, _ count: Int) -> String {
            text.count >= count ? text : text + String(repeating: " ", count: count - text.count)
        }
        var lines = ["Themes (envtop --theme NAME; press t in the dashboard to cycle them):", ""]
        for entry in entries {
            let mark = entry.found.name == startsWith ? "*" : " "
            let origin = entry.found.directory.kind == .user ? "yours   " : "shipped "
            switch entry.result {
            case .success(let file):
                lines.append("\(mark) \(pad(file.name, width))  \(pad(file.background.rawValue, 5))  \(origin)  \(file.description ?? "")")
            case .failure(let error):
                lines.append("\(mark) \(pad(entry.found.name, width))  \(pad("-", 5))  \(origin)  BROKEN: \(error)")
            }
        }
        for file in builtInOnly {
            let mark = file.name == startsWith ? "*" : " "
            lines.append("\(mark) \(pad(file.name, width))  \(pad(file.background.rawValue, 5))  built in  \(file.description ?? "")")
        }
        lines += ["", "Looked for as NAME.yaml in this order (the first found wins):"]
        for (number, directory) in catalog.searchPath.directories.enumerated() {
            let exists = ThemeDirectories.listing(directory.path).isEmpty ? " (empty or missing)" : ""
            let kind = directory.kind == .user ? "yours" : "shipped with envtop"
            lines.append("  \(number + 1). \(directory.path)  [\(kind)]\(exists)")
        }
        lines.append("Then the built-in default and mono. --theme PATH (with a / or ending in .yaml) reads any file.")
        lines.append("To make your own: copy a shipped theme into \(AppPaths.userThemesDirectory) and edit it.")
        if noColor {
            lines.append("NO_COLOR is set: envtop starts in mono without colour unless --theme is given.")
        }
        if startsWith != nil { lines.append("* is the theme envtop would start with.") }
        return lines.joined(separator: "\n")
    }
}
