import CNcurses
import EnvtopCore
import EnvtopUI
import Testing

@testable import EnvtopTerminal

@Suite("KeyDecoder")
struct KeyDecoderTests {
    static let characterCases: [(UInt32, DecodedInput)] = [
        (0x61, .key(.character("a"))),
        (0x51, .key(.character("Q"))),
        (0x20, .key(.character(" "))),
        (0x2F, .key(.character("/"))),
        (0xE9, .key(.character("é"))),
        (0x65E5, .key(.character("日"))),
        (0x1F600, .key(.character("😀"))),
        (3, .key(.control("c"))),
        (1, .key(.control("a"))),
        (12, .key(.control("l"))),
        (26, .key(.control("z"))),
        (19, .key(.control("s"))),
        (0, .key(.control("@"))),
        (28, .key(.control("\\"))),
        (31, .key(.control("_"))),
        (9, .key(.tab)),
        (13, .key(.enter)),
        (10, .key(.enter)),
        (27, .key(.escape)),
        (127, .key(.backspace)),
        (8, .key(.backspace)),
        (0x9B, .ignored),  // C1 CSI: never a key
        (0xD800, .ignored),  // a lone surrogate is not a scalar
    ]

    @Test("characters", arguments: characterCases)
    func characters(value: UInt32, expected: DecodedInput) {
        #expect(KeyDecoder.decode(.character(value)) == expected)
    }

    static let keyCodeCases: [(Int32, DecodedInput)] = [
        (KEY_UP, .key(.up)),
        (KEY_DOWN, .key(.down)),
        (KEY_LEFT, .key(.left)),
        (KEY_RIGHT, .key(.right)),
        (KEY_PPAGE, .key(.pageUp)),
        (KEY_NPAGE, .key(.pageDown)),
        (KEY_HOME, .key(.home)),
        (KEY_END, .key(.end)),
        (KEY_A1, .key(.home)),
        (KEY_C1, .key(.end)),
        (KEY_A3, .key(.pageUp)),
        (KEY_C3, .key(.pageDown)),
        (KEY_FIND, .key(.home)),
        (KEY_SELECT, .key(.end)),
        (KEY_ENTER, .key(.enter)),
        (KEY_BTAB, .key(.backTab)),
        (KEY_BACKSPACE, .key(.backspace)),
        (KEY_DC, .key(.delete)),
        (KEY_F0 + 1, .key(.function(1))),
        (KEY_F0 + 5, .key(.function(5))),
        (KEY_F0 + 10, .key(.function(10))),
        (KEY_F0 + 12, .key(.function(12))),
        (KEY_MOUSE, .ignored),
        (KEY_RESIZE, .resize),
        (KEY_IC, .ignored),
        (KEY_B2, .ignored),
        (KEY_F0, .ignored),
    ]

    @Test("key codes", arguments: keyCodeCases)
    func keyCodes(code: Int32, expected: DecodedInput) {
        #expect(KeyDecoder.decode(.keyCode(code)) == expected)
    }

    @Test("every ctrl-letter except the ones with their own key")
    func controlLetters() {
        let ownKeys: Set<UInt32> = [8, 9, 10, 13]
        for value in UInt32(1)...26 where !ownKeys.contains(value) {
            let letter = Character(Unicode.Scalar(UInt8(value) + 0x60))
            #expect(KeyDecoder.decode(.character(value)) == .key(.control(letter)))
        }
    }
}

@Suite("MouseDecoder")
struct MouseDecoderTests {
    static let sgrCases: [(String, MouseEvent?)] = [
        ("0;5;3M", MouseEvent(kind: .press, x: 4, y: 2)),
        ("0;1;1M", MouseEvent(kind: .press, x: 0, y: 0)),
        ("0;120;40M", MouseEvent(kind: .press, x: 119, y: 39)),
        ("0;5;3m", nil),  // release
        ("64;10;7M", MouseEvent(kind: .wheelUp, x: 9, y: 6)),
        ("65;10;7M", MouseEvent(kind: .wheelDown, x: 9, y: 6)),
        ("16;5;3M", MouseEvent(kind: .press, x: 4, y: 2)),  // ctrl-click is still a click
        ("80;2;2M", MouseEvent(kind: .wheelUp, x: 1, y: 1)),  // ctrl-wheel
        ("2;5;3M", nil),  // right button
        ("1;5;3M", nil),  // middle button
        ("32;5;3M", nil),  // drag motion
        ("35;5;3M", nil),  // motion, no button
        ("0;0;3M", nil),  // coordinates are 1-based
        ("0;5M", nil),
        ("x;5;3M", nil),
        ("0;5;3", nil),
    ]

    @Test("SGR reports", arguments: sgrCases)
    func sgr(body: String, expected: MouseEvent?) {
        #expect(MouseDecoder.decodeSGR(body) == expected)
    }

    @Test("legacy reports are offset by 32 and 1-based")
    func x10() {
        #expect(MouseDecoder.decodeX10(button: 32, x: 37, y: 35) == MouseEvent(kind: .press, x: 4, y: 2))
        #expect(MouseDecoder.decodeX10(button: 35, x: 37, y: 35) == nil)  // release
        #expect(MouseDecoder.decodeX10(button: 96, x: 33, y: 33) == MouseEvent(kind: .wheelUp, x: 0, y: 0))
        #expect(MouseDecoder.decodeX10(button: 97, x: 33, y: 33) == MouseEvent(kind: .wheelDown, x: 0, y: 0))
        #expect(MouseDecoder.decodeX10(button: 10, x: 33, y: 33) == nil)
    }

    @Test("the mouse prefixes have private key codes")
    func prefixes() {
        #expect(KeyDecoder.decode(.keyCode(ExtraKeySequences.sgrMouse)) == .sgrMouse)
        #expect(KeyDecoder.decode(.keyCode(ExtraKeySequences.x10Mouse)) == .x10Mouse)
    }
}
