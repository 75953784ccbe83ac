import EnvtopCore
import EnvtopUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Theme files found on the search path, read and checked, plus the two built-in themes that
/// make envtop start even when no file can be found.
struct ThemeCatalog {
    /// A theme on the search path and what reading it gave.
    struct Entry {
        let found: ThemeSearchPath.Found
        let result: Result<ThemeFile, ThemeError>
    }

    let searchPath: ThemeSearchPath

    static func standard() -> ThemeCatalog {
        ThemeCatalog(searchPath: ThemeDirectories.searchPath())
    }

    /// Every theme file on the path, each read (broken ones carry their error).
    func entries() -> [Entry] {
        searchPath.available(listing: ThemeDirectories.listing).map { found in
            Entry(found: found, result: Self.read(path: found.path))
        }
    }

    /// Every theme name `--theme` accepts here (for shell completion).
    func names() -> [String] {
        let found = searchPath.available(listing: ThemeDirectories.listing).map(\.name)
        return found + Self.builtIn.map(\.name).filter { !found.contains($0) }
    }

    /// The theme `reference` names: a file by path, or the first `NAME.yaml` on the path, or a
    /// built-in theme of that name.
    func load(_ reference: ThemeReference) -> Result<ThemeFile, ThemeSelection.Problem> {
        switch reference {
        case .path(let path):
            return Self.read(path: ThemeSelection.expandingTilde(path)).mapError { ThemeSelection.Problem(description: "\($0)") }
        case .name(let name):
            if let found = searchPath.locate(name, fileExists: ThemeDirectories.fileExists) {
                return Self.read(path: found.path).mapError { ThemeSelection.Problem(description: "\($0)") }
            }
            if let builtIn = Self.builtIn.first(where: { $0.name == name }) { return .success(builtIn) }
            let known = Set(searchPath.available(listing: ThemeDirectories.listing).map(\.name) + Self.builtIn.map(\.name))
            let hint = Suggestion.closest(to: name, in: known.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
            let places = searchPath.directories.map(\.path).joined(separator: ", ")
            return .failure(ThemeSelection.Problem(description:
                "unknown theme '\(name)'\(hint): no \(name).yaml in \(places); envtop --list-themes lists the themes"))
        }
    }

    /// The themes compiled into envtop.
    static let builtIn: [ThemeFile] = [
        ThemeFile(name: "default", description: "The default look for dark backgrounds (built in)", roles: Theme.default.styles),
        ThemeFile(name: "mono", description: "No colour, only bold, reverse and underline (built in)", roles: Theme.monochrome.styles),
    ]

    /// Reads and checks one theme file; the theme's name is the file name without `.yaml`.
    static func read(path: String) -> Result<ThemeFile, ThemeError> {
        if let problem = SafeFiles.readProblem(path, requirePrivate: false) {
            return .failure(ThemeError(file: path, line: nil, message: problem))
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read as UTF-8 text" : "no such file"
            return .failure(ThemeError(file: path, line: nil, message: reason))
        }
        do {
            return .success(try ThemeFile.parse(text, name: ThemeReference.themeName(ofFile: path), file: path))
        } catch {
            return .failure(error)
        }
    }
}
