import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Files on a shared ops box and text from a hostile server, outside the dashboard: envtop says
/// what is wrong and stops, or escapes what it prints; it never hangs on a FIFO, reads a huge
/// file whole, writes into someone else's log, or lets an escape sequence reach the terminal.
extension ThemeAndConfigEndToEndTests {
    @Test("a config anyone or its group can write, or one of 2 MiB, stops envtop with the file and the reason")
    func unsafeConfig() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write("refresh: 2\n", to: home.configFile)
        chmod(home.configFile.path, 0o666)
        let open = try run(["--demo", "--once"], home: home)
        #expect(open.status == 2)
        #expect(open.error.hasPrefix("envtop: \(home.configFile.path): writable by every user (mode 666)"), "\(open.error)")
        chmod(home.configFile.path, 0o664)
        let group = try run(["--demo", "--once"], home: home)
        #expect(group.status == 2)
        #expect(group.error.hasPrefix("envtop: \(home.configFile.path): writable by its group (mode 664)"), "\(group.error)")
        chmod(home.configFile.path, 0o644)
        #expect(try run(["--demo", "--once"], home: home).status != 2, "mode 644 is fine")
        if geteuid() == 0 {  // only root can hand a file to another user (CI runs as root)
            chown(home.configFile.path, 65534, 65534)
            let planted = try run(["--demo", "--once"], home: home)
            #expect(planted.status == 2)
            #expect(planted.error.contains("owned by another user (uid 65534)"), "\(planted.error)")
            chown(home.configFile.path, 0, 0)
        }
        chmod(home.configFile.path, 0o600)
        try home.write("# padding\n" + String(repeating: "#\n", count: 1 << 20), to: home.configFile)
        let huge = try run(["--demo", "--once"], home: home)
        #expect(huge.status == 2)
        #expect(huge.error.contains("too large"), "\(huge.error)")
    }

    @Test("a log path that is a FIFO or another user's file is refused at once; our own loose log is made 0600")
    func unsafeLog() throws {
        let home = try Home()
        defer { home.remove() }
        let fifo = home.root.appendingPathComponent("log.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let started = Date()
        let piped = try run(["--demo", "--once", "--log-file", fifo], home: home)
        #expect(piped.status == 2)
        #expect(piped.error.contains("not a regular file"), "\(piped.error)")
        #expect(Date().timeIntervalSince(started) < 10)

        let loose = home.root.appendingPathComponent("loose.log").path
        _ = FileManager.default.createFile(atPath: loose, contents: nil, attributes: [.posixPermissions: 0o644])
        _ = try run(["--demo", "--once", "--log-file", loose], home: home)
        let mode = (try FileManager.default.attributesOfItem(atPath: loose)[.posixPermissions] as? Int) ?? 0
        #expect(mode == 0o600)

        if geteuid() == 0 {
            let planted = home.root.appendingPathComponent("planted.log").path
            _ = FileManager.default.createFile(atPath: planted, contents: nil, attributes: [.posixPermissions: 0o666])
            #expect(chown(planted, 65534, 65534) == 0)
            let theirs = try run(["--demo", "--once", "--log-file", planted], home: home)
            #expect(theirs.status == 2)
            #expect(theirs.error.contains("owned by another user"), "\(theirs.error)")
        }
    }

    @Test("escape sequences in what envtop prints on stderr and logs are shown, not obeyed; a URL's password stays out of the log")
    func hostileTextOutsideTheScreen() async throws {
        let fixture = try await DashboardEndToEndTests.Fixture.make()
        defer { fixture.dispose() }
        let home = try Home()
        defer { home.remove() }
        let log = home.root.appendingPathComponent("envtop.log").path
        // An environment id the API answers 404 for, holding an OSC 52 (clipboard), an OSC 0
        // (title) and a newline that would forge a log line: it comes back in the messages.
        let hostile = "env_\u{1b}]52;c;cm0gLXJmIH4=\u{07}\u{1b}]0;pwned\u{07}\nforged line"
        let result = try run(["--once", "-e", hostile, "--log-file", log], home: home, environment: Self.variables(fixture))
        #expect(result.status != 0)
        #expect(result.error.contains("\\e]52;c;"), "the sequence is shown: \(result.error)")
        #expect(!result.error.contains("\u{1b}") && !result.error.contains("\u{07}"), "\(result.error)")
        #expect(!result.output.contains("\u{1b}]"))
        let logged = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(!logged.contains("\u{1b}") && !logged.contains("\u{07}"))
        #expect(!logged.split(separator: "\n").contains { $0.hasPrefix("forged line") })

        // A base URL with a password: the log names the URL without it.
        let secretLog = home.root.appendingPathComponent("secret.log").path
        _ = try run(
            ["--once", "-e", "env_x", "--log-file", secretLog], home: home,
            environment: [
                "ANTHROPIC_BASE_URL": "http://operator:secretpw@127.0.0.1:1", "ANTHROPIC_ENVIRONMENT_KEY": "k",
                "ANTHROPIC_API_KEY": "a",
            ])
        let secretLogged = (try? String(contentsOfFile: secretLog, encoding: .utf8)) ?? ""
        #expect(secretLogged.contains("base_url=http://***@127.0.0.1:1"))
        #expect(!secretLogged.contains("secretpw"))
    }
}
