import EnvtopCore
import EnvtopUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// The theme directories of this installation, in search order: the user's, then the shipped
/// ones (beside the executable, then the system share directories).
enum ThemeDirectories {
    /// System-wide places a package installs the shipped themes to.
    static let systemDirectories = ["/usr/local/share/envtop/themes", "/usr/share/envtop/themes"]

    static func searchPath() -> ThemeSearchPath {
        var directories = [ThemeSearchPath.Directory(path: AppPaths.userThemesDirectory, kind: .user)]
        var shipped: [String] = []
        if let beside = besideExecutable() { shipped.append(beside) }
        shipped += systemDirectories.filter(holdsThemes)
        for path in shipped where !directories.contains(where: { $0.path == path }) {
            directories.append(ThemeSearchPath.Directory(path: path, kind: .shipped))
        }
        return ThemeSearchPath(directories: directories)
    }

    /// The nearest `themes/` walking up from the executable's real path: the repository's for
    /// `swift run` and `.build/release/envtop`, `PREFIX/share/envtop/themes` style layouts aside.
    static func besideExecutable() -> String? {
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        var directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        for _ in 0..<12 {
            let candidates = [
                directory.appendingPathComponent("themes").path,
                directory.appendingPathComponent("share/envtop/themes").path,
            ]
            if let found = candidates.first(where: holdsThemes) { return found }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        return nil
    }

    /// A directory with at least one `.yaml` file in it.
    static func holdsThemes(_ path: String) -> Bool {
        listing(path).contains { $0.hasSuffix(".yaml") }
    }

    static func listing(_ path: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    }

    static func fileExists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT != S_IFDIR
    }
}
