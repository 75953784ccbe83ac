import CNcurses
import EnvtopCore
import EnvtopUI

/// One value read by `wget_wch`: a character, or a curses key code.
public enum RawKeyInput: Sendable, Hashable {
    /// `wget_wch` returned OK: a Unicode code point (control characters included).
    case character(UInt32)
    /// `wget_wch` returned KEY_CODE_YES: a `KEY_*` code.
    case keyCode(Int32)
}

/// What a raw input means to the terminal thread.
public enum DecodedInput: Sendable, Hashable {
    case key(Key)
    /// `ESC [ <`: an SGR mouse report follows (read it, then `MouseDecoder.decodeSGR`).
    case sgrMouse
    /// `ESC [ M`: a legacy mouse report follows (three bytes, `MouseDecoder.decodeX10`).
    case x10Mouse
    /// `ESC [ 200 ~`: pasted text follows, up to `.pasteEnd` (collect it with `PasteCollector`).
    case pasteStart
    /// `ESC [ 201 ~`: the end of a paste. Seen here only without a paste open: then ignore it.
    case pasteEnd
    /// KEY_RESIZE: curses noticed a new size.
    case resize
    /// Keys envtop has no use for (Insert, keypad centre, modified keys, C1 controls, and
    /// KEY_MOUSE, which cannot occur: envtop reads mouse reports itself).
    case ignored
}

/// Turns `wget_wch` results into `Key`s: a pure table, tested without a terminal.
///
/// Control characters arrive as characters because the terminal runs in raw mode: ctrl-c is
/// `.control("c")`, not a signal, so quitting stays the app's decision. Several terminals send
/// ^H or DEL for Backspace and CR or LF for Enter, so both spellings map to the same key. Home
/// and End also arrive as keypad (A1, C1) or as Find/Select on some terminals.
public enum KeyDecoder {
    public static func decode(_ raw: RawKeyInput) -> DecodedInput {
        switch raw {
        case .character(let value): return decodeCharacter(value)
        case .keyCode(let code): return decodeKeyCode(code)
        }
    }

    static func decodeCharacter(_ value: UInt32) -> DecodedInput {
        switch value {
        case 0: return .key(.control("@"))
        case 8, 127: return .key(.backspace)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 1...26: return .key(.control(Character(Unicode.Scalar(UInt8(value) + 0x60))))
        case 28: return .key(.control("\\"))
        case 29: return .key(.control("]"))
        case 30: return .key(.control("^"))
        case 31: return .key(.control("_"))
        case 0x80..<0xA0: return .ignored
        default:
            guard let scalar = Unicode.Scalar(value) else { return .ignored }
            return .key(.character(Character(scalar)))
        }
    }

    static func decodeKeyCode(_ code: Int32) -> DecodedInput {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE, KEY_A3: return .key(.pageUp)
        case KEY_NPAGE, KEY_C3: return .key(.pageDown)
        case KEY_HOME, KEY_A1, KEY_FIND, KEY_BEG: return .key(.home)
        case KEY_END, KEY_C1, KEY_LL, KEY_SELECT: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case ExtraKeySequences.sgrMouse: return .sgrMouse
        case ExtraKeySequences.x10Mouse: return .x10Mouse
        case ExtraKeySequences.pasteStart: return .pasteStart
        case ExtraKeySequences.pasteEnd: return .pasteEnd
        case envtop_key_resize(): return .resize
        case (envtop_key_f0() + 1)...(envtop_key_f0() + 63): return .key(.function(Int(code - envtop_key_f0())))
        default: return .ignored
        }
    }
}
