import EnvtopCore
import EnvtopUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The "Files" part of `envtop --help`: where the config, the themes and the log live on this
/// machine, in the order envtop looks. Lines stay under 80 columns, which `--help` wraps at.
enum HelpFiles {
    static var text: String {
        // The man page is made from --help: it names the paths as they are on any machine.
        if ProcessInfo.processInfo.environment["ENVTOP_MANUAL"] == "1" { return generic }
        let themeDirectories = ThemeDirectories.searchPath().directories
            .map { "            \($0.path)\($0.kind == .user ? " (yours)" : "")" }
        let keys = wrap("YAML (or --config PATH) with the keys \(EnvtopConfig.keys.joined(separator: ", ")); "
            + "the command line wins over it.", width: 68).map { "          " + $0 }
        return (["Files:", "  config  \(AppPaths.configFile)"] + keys + [
            "  themes  NAME.yaml, the first found in:",
        ] + themeDirectories + [
            "          then the built-in default and mono (envtop --list-themes).",
            "  log     \(AppPaths.defaultLogFile)",
            "          (or log_file, --log-file; nothing is printed while the screen is up)",
        ]).joined(separator: "\n")
    }

    /// The same, with the default paths instead of this machine's.
    static var generic: String {
        let keys = wrap("YAML (or --config PATH) with the keys \(EnvtopConfig.keys.joined(separator: ", ")); "
            + "the command line wins over it.", width: 68).map { "          " + $0 }
        return (["Files:", "  config  $XDG_CONFIG_HOME/envtop/config.yaml (default ~/.config/envtop/config.yaml)"] + keys + [
            "  themes  NAME.yaml, the first found in:",
            "            $XDG_CONFIG_HOME/envtop/themes (yours)",
            "            PREFIX/share/envtop/themes (beside the installed binary)",
            "          then the built-in default and mono (envtop --list-themes).",
            "  log     $XDG_STATE_HOME/envtop/envtop.log (default ~/.local/state/envtop/envtop.log)",
            "          (or log_file, --log-file; nothing is printed while the screen is up)",
            "  audit   $XDG_STATE_HOME/envtop/audit.jsonl (envtop audit prints it)",
        ]).joined(separator: "\n")
    }

    /// Words into lines of at most `width` columns.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
