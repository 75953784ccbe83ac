#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses

/// Key sequences curses is taught on top of the terminfo entry.
///
/// terminfo lists one spelling per key, but terminals send others too: xterm sends `ESC [ B`
/// for Down when the application has not (yet) switched it to `ESC O B`, rxvt and PuTTY send
/// `ESC [ 1 ~` for Home, and so on. Each one is added only when curses does not know it yet,
/// so the terminfo entry always wins. The two mouse prefixes get private codes so that
/// envtop reads the reports itself (see `MouseDecoder`), and so do the two bracketed-paste
/// markers (see `PasteCollector`).
enum ExtraKeySequences {
    /// Private key code for `ESC [ <` (an SGR mouse report follows).
    static let sgrMouse: Int32 = 0x7F00
    /// Private key code for `ESC [ M` (a legacy mouse report: three bytes follow).
    static let x10Mouse: Int32 = 0x7F01
    /// Private key code for `ESC [ 200 ~` (pasted text follows).
    static let pasteStart: Int32 = 0x7F02
    /// Private key code for `ESC [ 201 ~` (the pasted text is over).
    static let pasteEnd: Int32 = 0x7F03

    static var keys: [(sequence: String, code: Int32)] {
        let f = envtop_key_f0()
        return [
            ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT),
            ("\u{1B}OA", KEY_UP), ("\u{1B}OB", KEY_DOWN), ("\u{1B}OC", KEY_RIGHT), ("\u{1B}OD", KEY_LEFT),
            ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END), ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END),
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[8~", KEY_END),
            ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE), ("\u{1B}[3~", KEY_DC), ("\u{1B}[Z", KEY_BTAB),
            ("\u{1B}OP", f + 1), ("\u{1B}OQ", f + 2), ("\u{1B}OR", f + 3), ("\u{1B}OS", f + 4),
            ("\u{1B}[11~", f + 1), ("\u{1B}[12~", f + 2), ("\u{1B}[13~", f + 3), ("\u{1B}[14~", f + 4),
            ("\u{1B}[15~", f + 5), ("\u{1B}[17~", f + 6), ("\u{1B}[18~", f + 7), ("\u{1B}[19~", f + 8),
            ("\u{1B}[20~", f + 9), ("\u{1B}[21~", f + 10), ("\u{1B}[23~", f + 11), ("\u{1B}[24~", f + 12),
        ]
    }

    /// Teaches the current curses screen the extra keys and the paste markers; with `mouse`,
    /// also takes the mouse prefixes away from curses' own mouse handling. Call on the
    /// terminal thread.
    static func install(mouse: Bool) {
        for (sequence, code) in keys where key_defined(sequence) == 0 {
            _ = define_key(sequence, code)
        }
        _ = define_key(PasteCollector.startMarker, pasteStart)
        _ = define_key(PasteCollector.endMarker, pasteEnd)
        guard mouse else { return }
        _ = define_key(nil, KEY_MOUSE)  // forget kmous: curses must not parse reports itself
        _ = define_key("\u{1B}[<", sgrMouse)
        _ = define_key("\u{1B}[M", x10Mouse)
    }

    /// The sequence a key code is bound to in the current curses screen (the first one when
    /// there are several), for spelling keys curses decoded inside a paste back as text. Call
    /// on the terminal thread.
    static func spelling(of code: Int32) -> String? {
        guard let bound = keybound(code, 0) else { return nil }
        defer { free(bound) }
        return String(cString: bound)
    }
}
