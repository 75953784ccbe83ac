import EnvtopCore
import EnvtopUI
import Testing

/// `--theme NAME|PATH`, the search path, and what NO_COLOR does to the choice.
@Suite("Theme lookup")
struct ThemeLookupTests {
    let path = ThemeSearchPath(directories: [
        .init(path: "/home/op/.config/envtop/themes", kind: .user),
        .init(path: "/opt/envtop/themes", kind: .shipped),
    ])
    let files: [String: [String]] = [
        "/home/op/.config/envtop/themes": ["dracula.yaml", "mine.yaml", "notes.txt", ".hidden.yaml"],
        "/opt/envtop/themes": ["default.yaml", "dracula.yaml", "light.yaml", "README.md"],
    ]

    func exists(_ file: String) -> Bool {
        let slash = file.lastIndex(of: "/")!
        return files[String(file[..<slash]), default: []].contains(String(file[file.index(after: slash)...]))
    }

    @Test("a name is a name; a / or .yaml makes a path")
    func references() {
        #expect(ThemeReference("dracula") == .name("dracula"))
        #expect(ThemeReference("./dracula") == .path("./dracula"))
        #expect(ThemeReference("dracula.yaml") == .path("dracula.yaml"))
        #expect(ThemeReference("~/themes/x.yaml").themeName == "x")
    }

    @Test("the user's directory wins, then the shipped one")
    func firstFoundWins() {
        #expect(path.locate("dracula", fileExists: exists)?.path == "/home/op/.config/envtop/themes/dracula.yaml")
        #expect(path.locate("light", fileExists: exists)?.directory.kind == .shipped)
        #expect(path.locate("nord", fileExists: exists) == nil)
    }

    @Test("the list has one entry per name, default first, only .yaml files")
    func available() {
        let found = path.available { files[$0] ?? [] }
        #expect(found.map(\.name) == ["default", "dracula", "light", "mine"])
        #expect(found.first { $0.name == "dracula" }?.directory.kind == .user)
    }

    @Test("NO_COLOR gives mono without colour unless --theme is on the command line")
    func noColor() {
        let noColor = ["NO_COLOR": ""]
        #expect(ThemeChoice.make(commandLine: nil, config: "dracula", environment: noColor)
            == ThemeChoice(reference: .name("mono"), colorless: true, overridesNoColor: false))
        #expect(ThemeChoice.make(commandLine: "nord", config: "dracula", environment: noColor)
            == ThemeChoice(reference: .name("nord"), colorless: false, overridesNoColor: true))
        #expect(ThemeChoice.make(commandLine: nil, config: "dracula", environment: [:])
            == ThemeChoice(reference: .name("dracula"), colorless: false, overridesNoColor: false))
        #expect(ThemeChoice.make(commandLine: nil, config: nil, environment: [:]).reference == .name("default"))
        #expect(ThemeChoice.make(commandLine: "/tmp/x.yaml", config: nil, environment: [:]).reference == .path("/tmp/x.yaml"))
    }
}
