import Foundation
import Testing

/// `make install` into a scratch DESTDIR, used as an operator would: the man page renders with
/// `man -l`, the bash completion loads and completes, the installed binary finds the installed
/// themes; `make uninstall` takes it all away again.
@Suite(
    "make install and uninstall", .serialized,
    .enabled(if: (Tmux.which("make") != nil && Tmux.which("man") != nil) || TestBinary.isCI, "needs make and man (man-db)"))
struct InstallEndToEndTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func sh(_ command: String, in directory: URL = root) throws -> (status: Int32, output: String) {
        var environment = ProcessInfo.processInfo.environment
        environment["MANWIDTH"] = "100"
        environment.removeValue(forKey: "MAKEFLAGS")
        return try TestProcess.run("/bin/sh", ["-c", command], environment: environment, directory: directory)
    }

    @Test("make install DESTDIR=…: binary, man page, completions, themes, Prometheus rules; they work; make uninstall removes them")
    func installAndUninstall() throws {
        let binary = try #require(TestBinary.envtop, "the envtop executable is not built: run swift build")
        let dest = FileManager.default.temporaryDirectory.appendingPathComponent("envtop-install-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dest) }
        let make = "make --no-print-directory PREFIX=/usr/local DESTDIR='\(dest.path)' BINARY='\(binary)'"
        let install = try Self.sh("\(make) install")
        #expect(install.status == 0, "\(install.output)")
        let prefix = dest.appendingPathComponent("usr/local")
        let files = [
            "bin/envtop", "share/man/man1/envtop.1", "share/bash-completion/completions/envtop",
            "share/zsh/site-functions/_envtop", "share/fish/vendor_completions.d/envtop.fish",
            "share/envtop/themes/nord.yaml", "share/envtop/prometheus/alerts.yaml",
        ]
        for file in files {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file) missing")
        }
        let man = try Self.sh("man -l '\(prefix.appendingPathComponent("share/man/man1/envtop.1").path)'")
        #expect(man.status == 0, "\(man.output)")
        #expect(man.output.contains("SYNOPSIS") && man.output.contains("--timeout"), "\(man.output.prefix(400))")
        #expect(!man.output.contains("/root/") && !man.output.contains("/work/"), "the page names no build machine's paths")
        let bash = try Self.sh(
            "bash -c \". '\(prefix.appendingPathComponent("share/bash-completion/completions/envtop").path)'; complete -p envtop\"")
        #expect(bash.status == 0 && bash.output.contains("envtop"), "\(bash.output)")
        let themes = try Self.sh("'\(prefix.appendingPathComponent("bin/envtop").path)' --list-themes")
        #expect(themes.output.contains(prefix.appendingPathComponent("share/envtop/themes").path), "\(themes.output)")
        let uninstall = try Self.sh("\(make) uninstall")
        #expect(uninstall.status == 0, "\(uninstall.output)")
        for file in files {
            #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file) left behind")
        }
    }

    @Test("man/envtop.1 and the completions are current: generated again from the binary, they are the same")
    func generatedFilesAreCurrent() throws {
        let binary = try #require(TestBinary.envtop, "the envtop executable is not built: run swift build")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("envtop-gen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        for shell in ["bash": "envtop.bash", "zsh": "_envtop", "fish": "envtop.fish"] {
            let generated = try Self.sh("'\(binary)' --generate-completion-script \(shell.key)")
            let checkedIn = try String(contentsOf: Self.root.appendingPathComponent("completions/\(shell.value)"), encoding: .utf8)
            #expect(generated.output == checkedIn, "completions/\(shell.value) is stale: run scripts/generate_completions.sh")
        }
        let help = try Self.sh("ENVTOP_MANUAL=1 '\(binary)' --experimental-dump-help")
        let page = try String(contentsOf: Self.root.appendingPathComponent("man/envtop.1"), encoding: .utf8)
        // Every option and subcommand the binary has is in the page (the page itself is made by
        // scripts/generate_manual.sh, which needs a build of swift-argument-parser's tool).
        let names = Set(help.output.matches(of: /"valueName"\s*:\s*"([a-z-]+)"/).map { String($0.1) })
        #expect(!names.isEmpty)
        for name in names where !["help", "version", "generate-completion-script", "experimental-dump-help"].contains(name) {
            #expect(page.contains(name), "man/envtop.1 lacks \(name): run scripts/generate_manual.sh")
        }
    }
}
