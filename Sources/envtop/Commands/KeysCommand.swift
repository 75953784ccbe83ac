import EnvtopRuntime
import ArgumentParser
import EnvtopCore
import EnvtopUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `envtop keys`: the key table in effect (the config's `keys:` over the defaults), the names
/// `keys:` takes, or the README's generated sections (`--markdown`, `--glossary`) so README and
/// binary cannot drift.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the key table in effect (with the config's keys:), or the names keys: takes.")

    @Flag(help: "Print the README section of the default keys, markers included.")
    var markdown = false

    @Flag(help: "Print the README's glossary section (the header's terms and the runbook rules), markers included.")
    var glossary = false

    @Flag(help: "List the action and scope names the config's keys: section takes.")
    var names = false

    @Option(help: "Config file to read instead of $XDG_CONFIG_HOME/envtop/config.yaml.", completion: .file(extensions: ["yaml"]))
    var config: String?

    func run() throws {
        if glossary { return print(Glossary.section()) }
        if markdown { return print(KeyTableMarkdown.section()) }
        if names { return print(Self.namesText()) }
        switch ConfigFile.load(explicitPath: config) {
        case .success(let file):
            print(KeyTableMarkdown.render((file.keys ?? .standard).bindings), terminator: "")
        case .failure(let error):
            RawIO.write("envtop: \(error.description)\n", to: RawIO.standardError)
            throw ExitCode(2)
        }
    }

    /// "force_stop   S   force stop the selected item", action by action, then the scopes.
    static func namesText() -> String {
        var lines = ["Actions (keys: NAME: KEY, or a list of keys; scope.NAME for one scope only):"]
        var seen = Set<String>()
        for binding in KeyMap.bindings {
            guard let name = KeyRemap.name(of: binding.action), seen.insert(name).inserted else { continue }
            let pad = String(repeating: " ", count: max(1, 20 - name.count))
            lines.append("  \(name)\(pad)\(binding.label)  \(binding.help)")
        }
        lines.append("")
        lines.append("Scopes: " + KeyRemap.scopeNames.keys.sorted().joined(separator: ", "))
        lines.append("Keys: " + KeyName.examples)
        return lines.joined(separator: "\n")
    }
}
