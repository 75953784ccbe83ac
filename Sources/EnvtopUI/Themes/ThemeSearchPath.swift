import EnvtopCore
/// Where theme files are looked for, in order; the first directory holding `NAME.yaml` wins.
///
/// The user's directory comes first, so a user can shadow a shipped theme by copying it. The
/// file system is reached only through the closures, so the rule itself is pure.
public struct ThemeSearchPath: Sendable, Hashable {
    public struct Directory: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            case user
            case shipped
        }

        public var path: String
        public var kind: Kind

        public init(path: String, kind: Kind) {
            self.path = path
            self.kind = kind
        }
    }

    /// A theme file found on the path.
    public struct Found: Sendable, Hashable {
        public var name: String
        public var path: String
        public var directory: Directory
    }

    public var directories: [Directory]

    public init(directories: [Directory]) {
        self.directories = directories
    }

    /// The file for theme `name`, or nil when no directory has it.
    public func locate(_ name: String, fileExists: (String) -> Bool) -> Found? {
        for directory in directories {
            let path = directory.path + "/" + name + ".yaml"
            if fileExists(path) { return Found(name: name, path: path, directory: directory) }
        }
        return nil
    }

    /// Every theme on the path, one per name (the first directory's), sorted by name with
    /// `default` first.
    public func available(listing: (String) -> [String]) -> [Found] {
        var byName: [String: Found] = [:]
        for directory in directories {
            for file in listing(directory.path) where file.hasSuffix(".yaml") && !file.hasPrefix(".") {
                let name = ThemeReference.themeName(ofFile: file)
                if byName[name] == nil {
                    byName[name] = Found(name: name, path: directory.path + "/" + file, directory: directory)
                }
            }
        }
        return byName.values.sorted { a, b in
            if (a.name == "default") != (b.name == "default") { return a.name == "default" }
            return a.name < b.name
        }
    }
}
