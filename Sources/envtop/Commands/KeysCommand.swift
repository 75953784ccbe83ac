import ArgumentParser
import EnvtopCore
import EnvtopUI

/// `envtop keys --markdown`: the key table for README.md, generated from `KeyMap` so the two
/// cannot drift. Hidden from `--help`: it is for maintainers (`?` shows keys to operators).
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the key table (Markdown for README.md).",
        shouldDisplay: false)

    @Flag(help: "Print the README section, markers included.")
    var markdown = false

    @Flag(help: "Print the README's glossary section (the header's terms and the runbook rules), markers included.")
    var glossary = false

    func run() {
        if glossary { return print(Glossary.section()) }
        print(markdown ? KeyTableMarkdown.section() : KeyTableMarkdown.render(), terminator: markdown ? "\n" : "")
    }
}
