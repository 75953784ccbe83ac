import EnvtopCore
import EnvtopUI
import Testing

@testable import EnvtopTerminal

@Suite("ColorMapper")
struct ColorMapperTests {
    @Test("the terminal default is -1 at every depth")
    func terminalDefault() {
        for depth in ColorDepth.allCases {
            let mapper = ColorMapper(depth: depth)
            #expect(mapper.color(.terminalDefault, isForeground: true).index == -1)
            #expect(mapper.color(nil, isForeground: false).index == -1)
        }
    }

    @Test("without default-colour support the defaults are white on black")
    func noDefaultColors() {
        let mapper = ColorMapper(depth: .ansi16, supportsDefaultColors: false)
        #expect(mapper.color(nil, isForeground: true).index == 7)
        #expect(mapper.color(nil, isForeground: false).index == 0)
    }

    @Test("256 colours: ANSI and palette pass through, RGB goes to the cube or grey ramp")
    func indexed256() {
        let mapper = ColorMapper(depth: .indexed256)
        #expect(mapper.color(.brightCyan, isForeground: true).index == 14)
        #expect(mapper.color(.indexed(208), isForeground: true).index == 208)
        #expect(mapper.color(.rgb(255, 0, 0), isForeground: true).index == 196)
        #expect(mapper.color(.rgb(0, 0, 0), isForeground: true).index == 16)
        #expect(mapper.color(.rgb(255, 255, 255), isForeground: true).index == 231)
        #expect(mapper.color(.rgb(0x87, 0xAF, 0xFF), isForeground: true).index == 111)  // exact cube entry
        #expect(mapper.color(.rgb(128, 128, 128), isForeground: true).index == 244)  // grey ramp: 8+10*12
        #expect(mapper.color(.rgb(0xBD, 0x93, 0xF9), isForeground: true).index == 141)  // dracula purple
    }

    @Test("16 colours: palette and RGB go to the nearest ANSI colour")
    func ansi16() {
        let mapper = ColorMapper(depth: .ansi16)
        #expect(mapper.color(.brightBlack, isForeground: true).index == 8)
        #expect(mapper.color(.indexed(12), isForeground: true).index == 12)
        #expect(mapper.color(.indexed(196), isForeground: true).index == 9)  // pure red
        #expect(mapper.color(.rgb(0, 200, 0), isForeground: true).index == 2)
        #expect(mapper.color(.rgb(250, 250, 250), isForeground: true).index == 15)
        #expect(mapper.color(.rgb(130, 130, 130), isForeground: false).index == 8)
    }

    @Test("8 colours: bright colours fold down, a bright foreground becomes bold")
    func ansi8() {
        let mapper = ColorMapper(depth: .ansi8)
        let fg = mapper.color(.brightRed, isForeground: true)
        #expect(fg.index == 1 && fg.addsBold)
        let bg = mapper.color(.brightRed, isForeground: false)
        #expect(bg.index == 1 && !bg.addsBold)
        let plain = mapper.color(.green, isForeground: true)
        #expect(plain.index == 2 && !plain.addsBold)
        let style = mapper.style(RoleStyle(foreground: .brightWhite, background: .blue))
        #expect(style == CursesStyle(foreground: 7, background: 4, attributes: .bold))
        #expect(mapper.color(.rgb(255, 255, 0), isForeground: true) == (3, true))
    }

    @Test("truecolor: 0-7 stay ANSI, everything else is 0xRRGGBB")
    func trueColor() {
        let mapper = ColorMapper(depth: .trueColor)
        #expect(mapper.color(.red, isForeground: true).index == 1)
        #expect(mapper.color(.rgb(0xBD, 0x93, 0xF9), isForeground: true).index == 0xBD93F9)
        #expect(mapper.color(.brightWhite, isForeground: true).index == 0xFFFFFF)
        #expect(mapper.color(.indexed(196), isForeground: true).index == 0xFF0000)
        #expect(mapper.color(.rgb(0, 0, 3), isForeground: true).index == 8)  // below 8 would mean ANSI
    }

    @Test("no colour: only attributes survive")
    func none() {
        let mapper = ColorMapper(depth: .none)
        let style = mapper.style(RoleStyle(foreground: .brightRed, background: .blue, attributes: [.bold, .underline]))
        #expect(style == CursesStyle(foreground: -1, background: -1, attributes: [.bold, .underline]))
    }

    @Test("every role of the built-in themes maps at every depth within range")
    func builtInThemes() {
        for depth in ColorDepth.allCases {
            let mapper = ColorMapper(depth: depth)
            let limit: Int32 = switch depth {
            case .none: 0
            case .ansi8: 8
            case .ansi16: 16
            case .indexed256: 256
            case .trueColor: 1 << 24
            }
            for theme in [Theme.default, Theme.monochrome] {
                for role in ThemeRole.allCases {
                    let style = mapper.style(theme.style(for: role))
                    #expect(style.foreground >= -1 && style.foreground < max(limit, 0))
                    #expect(style.background >= -1 && style.background < max(limit, 0))
                }
            }
        }
    }
}

@Suite("ColorDepth")
struct ColorDepthTests {
    @Test("NO_COLOR with any value, even empty, means no colour")
    func noColor() {
        #expect(ColorDepth.detect(environment: ["NO_COLOR": "1"], hasColors: true, colors: 256) == .none)
        #expect(ColorDepth.detect(environment: ["NO_COLOR": ""], hasColors: true, colors: 256) == .none)
        #expect(ColorDepth.detect(environment: ["NO_COLOR": "false"], hasColors: true, colors: 1 << 24) == .none)
        #expect(ColorDepth.isNoColorRequested(["NO_COLOR": "yes"]))
        #expect(!ColorDepth.isNoColorRequested(["TERM": "xterm"]))
    }

    @Test("depth follows what curses reports", arguments: [
        (0, ColorDepth.none), (2, .none), (8, .ansi8), (16, .ansi16), (88, .ansi16), (256, .indexed256),
        (1 << 24, .trueColor),
    ])
    func fromColors(colors: Int, expected: ColorDepth) {
        #expect(ColorDepth.detect(environment: [:], hasColors: colors > 0, colors: colors) == expected)
    }

    @Test("no colour support means none whatever COLORS says")
    func noColorSupport() {
        #expect(ColorDepth.detect(environment: [:], hasColors: false, colors: 256) == .none)
    }

    @Test("an explicit depth wins over NO_COLOR but is clamped to the terminal")
    func explicit() {
        #expect(ColorDepth.effective(requested: .ansi16, environment: ["NO_COLOR": "1"], hasColors: true, colors: 256) == .ansi16)
        #expect(ColorDepth.effective(requested: .trueColor, environment: [:], hasColors: true, colors: 256) == .indexed256)
        #expect(ColorDepth.effective(requested: ColorDepth.none, environment: [:], hasColors: true, colors: 256) == .none)
        #expect(ColorDepth.effective(requested: .indexed256, environment: [:], hasColors: false, colors: 0) == .none)
        #expect(ColorDepth.effective(requested: nil, environment: ["NO_COLOR": "1"], hasColors: true, colors: 256) == .none)
    }
}

@Suite("TermSelection")
struct TermSelectionTests {
    let known: Set<String> = ["xterm-256color", "xterm-direct", "tmux-256color"]

    @Test("a truecolor terminal with an RGB theme uses the direct-colour entry when it exists")
    func upgrade() {
        #expect(TermSelection.resolve(term: "xterm-256color", colorTerm: "truecolor", themeWantsDirectColor: true, exists: known.contains) == "xterm-direct")
        #expect(TermSelection.resolve(term: "xterm-256color", colorTerm: "24bit", themeWantsDirectColor: true, exists: known.contains) == "xterm-direct")
    }

    @Test("otherwise TERM is used as is")
    func keep() {
        #expect(TermSelection.resolve(term: "tmux-256color", colorTerm: "truecolor", themeWantsDirectColor: true, exists: known.contains) == "tmux-256color")
        #expect(TermSelection.resolve(term: "xterm-256color", colorTerm: nil, themeWantsDirectColor: true, exists: known.contains) == "xterm-256color")
        #expect(TermSelection.resolve(term: "xterm-256color", colorTerm: "truecolor", themeWantsDirectColor: false, exists: known.contains) == "xterm-256color")
        #expect(TermSelection.resolve(term: "xterm", colorTerm: "truecolor", themeWantsDirectColor: true, exists: known.contains) == "xterm")
    }

    @Test("only themes with colours beyond ANSI want direct colour")
    func themeRange() {
        #expect(!Theme.default.usesColorsBeyondANSI)
        #expect(!Theme.monochrome.usesColorsBeyondANSI)
        #expect(Theme(name: "rgb", styles: [.normal: RoleStyle(foreground: .rgb(1, 2, 3))]).usesColorsBeyondANSI)
        #expect(Theme(name: "256", styles: [.normal: RoleStyle(background: .indexed(200))]).usesColorsBeyondANSI)
    }
}
