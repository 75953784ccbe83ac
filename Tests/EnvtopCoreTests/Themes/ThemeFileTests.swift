import EnvtopCore
import EnvtopUI
import Testing

/// Reading theme files: what a good file gives, and the exact message each kind of mistake
/// gives (file, line, the bad key or value).
@Suite("Theme files")
struct ThemeFileTests {
    let file = "/home/op/.config/envtop/themes/mine.yaml"

    func parse(_ text: String) throws(ThemeError) -> ThemeFile {
        try ThemeFile.parse(text, name: "mine", file: file)
    }

    /// The message a broken file gives.
    func problem(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        do {
            _ = try parse(text)
            Issue.record("the theme loaded, but should not have", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error.description
        }
    }

    @Test("a partial theme sets its roles and takes the rest from the default")
    func partialTheme() throws {
        let theme = try parse("""
            # only two roles
            roles:
              state.active: { fg: "#00ff00", attrs: [bold, underline] }
              list.selected: { fg: black, bg: bright-yellow }
            """).theme
        #expect(theme.style(for: .stateActive) == RoleStyle(foreground: .rgb(0, 255, 0), attributes: [.bold, .underline]))
        #expect(theme.style(for: .selection) == RoleStyle(foreground: .black, background: .brightYellow))
        for role in ThemeRole.allCases where role != .stateActive && role != .selection {
            #expect(theme.style(for: role) == Theme.default.style(for: role), "\(role.rawValue)")
        }
    }

    @Test("palette names, colour words, shorthand and attribute spellings")
    func colourWords() throws {
        let file = try parse("""
            description: test
            background: light
            palette:
              accent: "#5FD7FF"
              red: "#cc0000"     # a palette name may shadow a colour name
              short: "#abc"
            roles:
              state.queued: accent
              state.starting: red
              state.active: { fg: short, bg: color:236 }
              state.stopping: { fg: ansi:11, attrs: bold }
              state.stopped: { fg: Bright-Black, attrs: "dim italic" }
              state.unknown: { fg: grey, bg: default, attrs: [reverse] }
              normal: {}
            """)
        #expect(file.description == "test")
        #expect(file.background == .light)
        let theme = file.theme
        #expect(theme.style(for: .stateQueued).foreground == .rgb(0x5f, 0xd7, 0xff))
        #expect(theme.style(for: .stateStarting).foreground == .rgb(0xcc, 0, 0))
        #expect(theme.style(for: .stateActive) == RoleStyle(foreground: .rgb(0xaa, 0xbb, 0xcc), background: .indexed(236)))
        #expect(theme.style(for: .stateStopping) == RoleStyle(foreground: .brightYellow, attributes: .bold))
        #expect(theme.style(for: .stateStopped) == RoleStyle(foreground: .brightBlack, attributes: [.dim, .italic]))
        #expect(theme.style(for: .stateUnknown) == RoleStyle(foreground: .brightBlack, background: .terminalDefault, attributes: .reverse))
        #expect(file.roles.count == 7)
    }

    @Test("normal's colours fill every fg and bg a role leaves out; `default` opts out")
    func normalIsTheBase() throws {
        let theme = try parse("""
            roles:
              normal: { fg: "#eeeeee", bg: "#101010" }
              state.active: green
              ok: { fg: green, bg: default }
            """).theme
        #expect(theme.style(for: .stateActive) == RoleStyle(foreground: .green, background: .rgb(16, 16, 16)))
        #expect(theme.style(for: .row) == RoleStyle(foreground: .rgb(238, 238, 238), background: .rgb(16, 16, 16)))
        #expect(theme.style(for: .ok).background == .terminalDefault)
        // A role of the default with its own colours keeps them.
        #expect(theme.style(for: .selection).background == .brightCyan)
    }

    @Test("an empty file is the default theme")
    func emptyFile() throws {
        #expect(try parse("").theme.styles == Theme.default.styles)
        #expect(try parse("# nothing but a comment\n").theme.styles == Theme.default.styles)
    }

    @Test("a bad colour names the file, the line, the role and the value")
    func badColour() {
        #expect(problem("""
            # my theme
            palette:
              accent: "#ff8800"
            roles:
              state.active: { fg: acent }
            """) == "\(file):5: bad colour 'acent' for state.active fg (did you mean 'accent'?)")
        #expect(problem("""
            roles:
              list.selected:
                fg: black
                bg: "#12345"
            """) == "\(file):4: bad colour '#12345' for list.selected bg: expected a palette name, default, "
            + "a colour name (red, bright-red…), ansi:0-15, color:0-255 or \"#rrggbb\"")
        #expect(problem("""
            palette:
              sea: color:300
            """) == "\(file):2: bad colour 'color:300' for palette entry 'sea': expected default, "
            + "a colour name (red, bright-red…), ansi:0-15, color:0-255 or \"#rrggbb\"")
    }

    @Test("an unquoted #rrggbb (a YAML comment) is explained")
    func unquotedHex() {
        #expect(problem("""
            roles:
              state.active: { fg: #00ff00 }
            """) == "\(file):2: the colour #00ff00 must be in quotes, \"#00ff00\": YAML reads a bare # as the start of a comment")
        #expect(problem("""
            palette:
              accent: "#ff8800"   # orange, quoted: fine
              sea: #08f           # not quoted
            """) == "\(file):3: the colour #08f must be in quotes, \"#08f\": YAML reads a bare # as the start of a comment")
        #expect(problem("""
            roles:
              state.active:
                fg:
            """) == "\(file):3: state.active fg has no colour (quote \"#rrggbb\" colours: YAML reads # as a comment)")
        // Comments that merely look like colours are comments.
        #expect(throws: Never.self) {
            try parse("# fg: #00ff00 would be wrong\nroles:\n  ok: green  # #abc\n  error: red # bad\n")
        }
    }

    @Test("an unknown role is named, with the closest real one")
    func unknownRole() {
        #expect(problem("""
            roles:
              state.active: green
              list.slected: { attrs: [reverse] }
            """) == "\(file):3: unknown role 'list.slected' (did you mean 'list.selected'?)")
        #expect(problem("""
            roles:
              sparkles: green
            """) == "\(file):2: unknown role 'sparkles'; the roles are listed in themes/README.md")
    }

    @Test("a YAML syntax error gives its line and column")
    func syntaxError() {
        #expect(problem("""
            roles:
              state.active: { fg: green
              state.queued: blue
            """) == "\(file):3: YAML syntax error at column 15: did not find expected ',' or '}' (while parsing a flow mapping from line 2)")
        #expect(problem("""
            palette:
              accent: "#ff8800
            roles: {}
            """) == "\(file):3: YAML syntax error at column 10: found unexpected end of stream (while scanning a quoted scalar from line 2)")
    }

    @Test("other mistakes: unknown keys, attributes, duplicates, wrong shapes")
    func otherMistakes() {
        #expect(problem("rols:\n  normal: {}\n")
            == "\(file):1: unknown key 'rols' (did you mean 'roles'?); a theme has description, background, palette and roles")
        #expect(problem("roles:\n  normal: { fgg: red }\n")
            == "\(file):2: unknown key 'fgg' in normal (did you mean 'fg'?); a role has fg, bg and attrs")
        #expect(problem("roles:\n  normal: { attrs: [bold, blink] }\n")
            == "\(file):2: unknown attribute 'blink' in normal attrs: expected bold, dim, underline, reverse or italic")
        #expect(problem("roles:\n  ok: green\n  error: red\n  ok: blue\n")
            == "\(file):4: duplicate key 'ok' (first set on line 2)")
        #expect(problem("background: grey\n") == "\(file):1: background must be dark or light (got 'grey')")
        #expect(problem("roles:\n  ok: [green]\n") == "\(file):2: ok must be a colour or a mapping with fg, bg and attrs")
        #expect(problem("roles:\n  ok:\n") == "\(file):2: ok has no value; give a colour or fg, bg and attrs")
        #expect(problem("- a\n- b\n") == "\(file):1: the file must be a mapping of `key: value` lines")
    }

    @Test("colour words read back to the same colour")
    func colourWordsRoundTrip() {
        let colours: [ThemeColor] = [.terminalDefault, .red, .brightWhite, .indexed(123), .rgb(1, 2, 254)]
        for colour in colours {
            #expect(ThemeFileColor.parse(ThemeFileColor.word(for: colour)) == colour)
        }
        #expect(ThemeFileColor.parse("ansi:16") == nil)
        #expect(ThemeFileColor.parse("#12") == nil)
        #expect(ThemeFileColor.parse("#gggggg") == nil)
    }
}
