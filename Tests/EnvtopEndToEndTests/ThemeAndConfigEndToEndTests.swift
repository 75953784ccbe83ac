import Foundation
import Testing

/// Themes and the config file through the real binary: a broken file stops envtop with the
/// exact message, the precedence holds, and NO_COLOR leaves no colour on a real terminal.
@Suite("Themes and config in the real binary", .serialized)
struct ThemeAndConfigEndToEndTests {
    /// A private config home with an envtop/themes directory.
    struct Home {
        let root: URL
        var configHome: URL { root.appendingPathComponent("config") }
        var userThemes: URL { configHome.appendingPathComponent("envtop/themes") }
        var configFile: URL { configHome.appendingPathComponent("envtop/config.yaml") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("envtop-themes-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("config/envtop/themes"), withIntermediateDirectories: true)
        }

        func write(_ text: String, to url: URL) throws {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs the binary to completion (each case here exits before any screen or network).
    func run(_ arguments: [String], home: Home, environment extra: [String: String] = [:]) throws -> Run {
        let binary = try #require(TestBinary.envtop, "the envtop executable is not built: run swift build")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = home.configHome.path
        environment["XDG_STATE_HOME"] = home.root.appendingPathComponent("state").path
        environment.removeValue(forKey: "NO_COLOR")
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
            error: String(decoding: errData, as: UTF8.self))
    }

    @Test("a broken theme stops envtop with the file, line and bad value, before anything starts")
    func brokenTheme() throws {
        let home = try Home()
        defer { home.remove() }
        let theme = home.root.appendingPathComponent("broken.yaml")
        try home.write("""
            # a typo on line 5
            palette:
              accent: "#ff8800"
            roles:
              list.selected: { fg: black, bg: acent }
            """, to: theme)
        let result = try run(["--demo", "--theme", theme.path], home: home)
        #expect(result.status == 2)
        #expect(result.error == "envtop: \(theme.path):5: bad colour 'acent' for list.selected bg (did you mean 'accent'?)\n")
        #expect(result.output.isEmpty)

        // The same file under the user's themes, named: same message.
        try FileManager.default.copyItem(at: theme, to: home.userThemes.appendingPathComponent("mine.yaml"))
        let named = try run(["--demo", "--theme", "mine"], home: home)
        #expect(named.status == 2)
        #expect(named.error.contains("themes/mine.yaml:5: bad colour 'acent'"))

        // An unknown name says where it looked.
        let unknown = try run(["--demo", "--theme", "nope"], home: home)
        #expect(unknown.status == 2)
        #expect(unknown.error.hasPrefix("envtop: unknown theme 'nope': no nope.yaml in \(home.userThemes.path)"))
    }

    @Test("a config file with an unknown key stops envtop, naming the file, line and key")
    func brokenConfig() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write("theme: nord\nrefesh: 5\n", to: home.configFile)
        let result = try run(["--demo", "--once"], home: home)
        #expect(result.status == 2)
        #expect(result.error == "envtop: \(home.configFile.path):2: unknown key 'refesh' (did you mean 'refresh'?)\n")

        let missing = try run(["--demo", "--once", "--config", home.root.appendingPathComponent("none.yaml").path], home: home)
        #expect(missing.status == 2)
        #expect(missing.error == "envtop: \(home.root.appendingPathComponent("none.yaml").path): no such file\n")
    }

    @Test("--list-themes: user themes, broken ones marked, and --theme beats the config's theme")
    func listThemes() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write("description: mine\nroles:\n  state.active: bright-green\n", to: home.userThemes.appendingPathComponent("mine.yaml"))
        try home.write("roles:\n  sparkle: red\n", to: home.userThemes.appendingPathComponent("broken.yaml"))
        try home.write("theme: mine\n", to: home.configFile)

        let fromConfig = try run(["--list-themes"], home: home)
        #expect(fromConfig.status == 0)
        let lines = fromConfig.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("* mine") && $0.contains("yours") && $0.hasSuffix("mine") })
        #expect(lines.contains { $0.hasPrefix("  broken") && $0.contains("BROKEN: \(home.userThemes.path)/broken.yaml:2: unknown role 'sparkle'") })
        #expect(fromConfig.output.contains("1. \(home.userThemes.path)  [yours]"))
        if TestBinary.envtop?.hasPrefix(TestBinary.repositoryRoot.path) == true {
            // Built inside the repository: the shipped themes/ beside it are found.
            #expect(lines.contains { $0.hasPrefix("  dracula") && $0.contains("shipped") })
            #expect(fromConfig.output.contains("2. \(TestBinary.repositoryRoot.appendingPathComponent("themes").path)  [shipped with envtop]"))
        }

        let fromCommandLine = try run(["--list-themes", "--theme", "mono"], home: home)
        #expect(fromCommandLine.output.split(separator: "\n").contains { $0.hasPrefix("* mono") })
        #expect(!fromCommandLine.output.contains("* mine"))
    }

    @Test("NO_COLOR: the real screen has no colour, and the selection still shows", .enabled(if: Tmux.isAvailable || TestBinary.isCI))
    func noColorOnScreen() async throws {
        let binary = try #require(TestBinary.envtop, "the envtop executable is not built: run swift build")
        let home = try Home()
        defer { home.remove() }
        // A config asking for a colourful theme must not bring colour back under NO_COLOR.
        try home.write("theme: dracula\n", to: home.configFile)
        let log = home.root.appendingPathComponent("envtop.log").path
        let tmux = Tmux()
        defer { tmux.kill() }

        func screenWithColours(_ prefix: String, _ arguments: String = "") async throws -> String {
            try tmux.start(width: 100, height: 30)
            try tmux.type("\(prefix) XDG_CONFIG_HOME='\(home.configHome.path)' '\(binary)' --demo --log-file '\(log)' \(arguments)")
            try tmux.press("Enter")
            try await tmux.waitFor("the demo's work list", timeout: 30) { $0.contains("work_") && $0.contains("need attention") }
            let screen = try tmux.run(["capture-pane", "-e", "-p", "-t", tmux.session])
            try tmux.press("q")
            try await tmux.waitFor(text: "$ ")
            try tmux.run(["kill-session", "-t", tmux.session])
            return screen
        }

        let plain = try await screenWithColours("NO_COLOR=1")
        #expect(Self.colourSequences(in: plain).isEmpty, "colour under NO_COLOR: \(Self.colourSequences(in: plain).prefix(5))")
        #expect(plain.contains("\u{1B}[7m") || plain.contains(";7m"), "the selection is drawn in reverse video")
        #expect(plain.contains("▶"))

        // The control: the same run without NO_COLOR does paint colour, so the check above can fail.
        let coloured = try await screenWithColours("unset NO_COLOR;", "--theme default")
        #expect(!Self.colourSequences(in: coloured).isEmpty)
    }

    /// SGR sequences that set a foreground or background colour (30-38, 40-48, 90-97, 100-107).
    static func colourSequences(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "\u{1B}\\[([0-9;:]*)m")
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { match -> String? in
            guard let parameters = Range(match.range(at: 1), in: text).map({ String(text[$0]) }) else { return nil }
            let codes = parameters.split(whereSeparator: { $0 == ";" || $0 == ":" }).compactMap { Int($0) }
            let setsColour = codes.contains { (30...38).contains($0) || (40...48).contains($0) || (90...97).contains($0) || (100...107).contains($0) }
            return setsColour ? parameters : nil
        }
    }
}
