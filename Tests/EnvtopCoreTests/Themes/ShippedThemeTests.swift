import EnvtopCore
import EnvtopUI
import Foundation
import Testing

/// The themes in `themes/` load, cover what the issue asks for, and the two the code also
/// carries (default, mono) say exactly what the code says.
@Suite("Shipped themes")
struct ShippedThemeTests {
    func load(_ name: String) throws -> ThemeFile {
        let path = "themes/\(name).yaml"
        return try ThemeFile.parse(try RepositoryFiles.text(path), name: name, file: path)
    }

    @Test("every shipped theme loads, has a description, and sets only valid roles")
    func everyThemeLoads() throws {
        let files = try RepositoryFiles.themeFiles()
        #expect(files.count >= 6, "the issue asks for at least six themes")
        for url in files {
            let name = ThemeReference.themeName(ofFile: url.path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let file = try ThemeFile.parse(text, name: name, file: url.path)
            #expect(file.description?.isEmpty == false, "\(name) has no description")
            #expect(!file.roles.isEmpty, "\(name) sets no roles")
            // Every role resolves, so the painter never meets a hole.
            #expect(Set(file.theme.styles.keys) == Set(ThemeRole.allCases), "\(name) misses roles")
            #expect(file.theme.name == name)
            #expect(text.contains("#"), "\(name) has no comments")
        }
    }

    @Test("the required themes are there: dark default, light, high contrast, mono, two palettes")
    func requiredThemes() throws {
        let names = Set(try RepositoryFiles.themeFiles().map { ThemeReference.themeName(ofFile: $0.path) })
        for required in ["default", "light", "high-contrast", "mono"] {
            #expect(names.contains(required), "missing \(required).yaml")
        }
        #expect(names.subtracting(["default", "light", "high-contrast", "mono"]).count >= 2, "two popular palettes")
        #expect(try load("light").background == .light)
        #expect(try load("default").background == .dark)
    }

    @Test("default.yaml is exactly the built-in default, and mono.yaml the built-in monochrome")
    func filesMatchTheCode() throws {
        #expect(try load("default").theme == Theme.default)
        let mono = try load("mono").theme
        for role in ThemeRole.allCases {
            #expect(mono.style(for: role) == Theme.monochrome.style(for: role), "mono \(role.rawValue)")
        }
    }

    @Test("mono uses no colour and only bold, reverse and underline")
    func monoHasNoColour() throws {
        let mono = try load("mono").theme
        for role in ThemeRole.allCases {
            let style = mono.style(for: role)
            #expect(style.foreground == nil && style.background == nil, "\(role.rawValue) has a colour")
            #expect(style.attributes.subtracting([.bold, .reverse, .underline]).isEmpty, "\(role.rawValue): \(style.attributes)")
        }
        // The selection stands out without colour.
        #expect(mono.style(for: .selection).attributes.contains(.reverse))
        #expect(mono.style(for: .selection) != mono.style(for: .row))
    }

    @Test("in every theme the selection differs from a plain row, and the states from each other")
    func rolesStayApart() throws {
        let states: [ThemeRole] = [.stateQueued, .stateStarting, .stateActive, .stateStopping, .stateStopped]
        for url in try RepositoryFiles.themeFiles() {
            let name = ThemeReference.themeName(ofFile: url.path)
            let theme = try load(name).theme
            #expect(theme.style(for: .selection) != theme.style(for: .row), "\(name): selection looks like a row")
            #expect(theme.style(for: .selectionInactive) != theme.style(for: .row), "\(name)")
            guard name != "mono" else { continue }  // mono tells states apart by badge, word and attribute
            let looks = states.map { theme.style(for: $0) }
            #expect(Set(looks).count == states.count, "\(name): two states share a look")
        }
    }

    @Test("a theme with its own background colours every role that does not set one")
    func backgroundReachesEveryRole() throws {
        let dracula = try load("dracula").theme
        let background = try #require(dracula.style(for: .normal).background)
        #expect(dracula.style(for: .row).background == background)
        #expect(dracula.style(for: .stateActive).background == background)
        #expect(dracula.style(for: .detailValue).foreground == dracula.style(for: .normal).foreground)
        #expect(dracula.style(for: .selection).background != background)
    }
}

/// themes/README.md documents every role a theme can set.
@Suite("Theme format documentation")
struct ThemeDocumentationTests {
    @Test("themes/README.md lists every role")
    func everyRoleDocumented() throws {
        let readme = try RepositoryFiles.text("themes/README.md")
        for role in ThemeRole.allCases {
            #expect(readme.contains("| `\(role.rawValue)` |"), "themes/README.md does not list \(role.rawValue)")
        }
    }
}
