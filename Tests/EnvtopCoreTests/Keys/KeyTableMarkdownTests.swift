import EnvtopCore
import EnvtopUI
import Foundation
import Testing

/// The README's key table is the generated one, so it cannot drift from `KeyMap`.
@Suite("Key table in README.md")
struct KeyTableMarkdownTests {
    @Test("README.md holds exactly the table generated from KeyMap.bindings")
    func readmeMatches() throws {
        let readme = try RepositoryFiles.text("README.md")
        let table = try #require(
            KeyTableMarkdown.extract(from: readme),
            "README.md has no \(KeyTableMarkdown.beginMarker) … \(KeyTableMarkdown.endMarker) section")
        #expect(table == KeyTableMarkdown.render(), "regenerate it: scripts/update_readme_keys.sh")
    }

    @Test("every binding appears, under its scope, with every key")
    func everyBinding() {
        let text = KeyTableMarkdown.render()
        for scope in KeyScope.allCases where !KeyBindings.standard.bindings(in: scope).isEmpty {
            #expect(text.contains("**\(scope.rawValue)**"))
        }
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| `") }
        #expect(rows.count == KeyMap.bindings.count)
        #expect(text.contains("| `q` `ctrl-c` | quit |"))
        #expect(text.contains("| `S` | force stop the selected item; off with `--read-only` |"))
    }

    @Test("extract finds the text between the markers")
    func extract() {
        let document = "# x\n\n\(KeyTableMarkdown.beginMarker)\nbody\n\(KeyTableMarkdown.endMarker)\nafter"
        #expect(KeyTableMarkdown.extract(from: document) == "body\n")
        #expect(KeyTableMarkdown.extract(from: "no markers") == nil)
    }
}

/// The README's glossary and rules table is the generated one, so it cannot drift from `Glossary`.
@Suite("Glossary in README.md")
struct GlossaryMarkdownTests {
    @Test("README.md holds exactly the glossary and rules generated from Glossary, with the default thresholds")
    func readmeMatches() throws {
        let readme = try RepositoryFiles.text("README.md")
        let section = try #require(Glossary.extract(from: readme), "README.md has no glossary markers")
        #expect(section == Glossary.markdown(), "regenerate it: scripts/update_readme_keys.sh")
        for entry in Glossary.entries { #expect(section.contains("| `\(entry.term)` |")) }
        for rule in QueueRule.allCases { #expect(section.contains("| \(rule.title) |")) }
        #expect(section.contains("pending > 0 for over 30s"))
    }
}
