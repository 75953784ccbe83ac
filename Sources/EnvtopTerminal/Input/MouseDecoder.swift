import EnvtopCore
import EnvtopUI

/// Decodes xterm mouse reports into `MouseEvent`s: a pure parser, tested without a terminal.
///
/// envtop reads mouse reports itself instead of through curses' `getmouse`: curses folds
/// reports that arrive in one read (a press, its release and a wheel step, as a slow SSH link
/// delivers them) and drops some of them. The terminal is asked for button reports in SGR
/// form (`ESC [ ? 1000 h`, `ESC [ ? 1006 h`): `ESC [ < b ; x ; y M` (press) or `… m`
/// (release), 1-based cells. Terminals without SGR send the legacy `ESC [ M b x y`, each byte
/// offset by 32. Only what envtop uses becomes an event: button 1 press (click selects) and
/// the wheel (buttons 4 and 5); releases, other buttons and motion are ignored.
public enum MouseDecoder {
    /// The escape sequence that turns button reporting on (SGR coordinates).
    public static let enableSequence = "\u{1B}[?1000h\u{1B}[?1006h"
    /// The escape sequence that turns every kind of mouse reporting off.
    public static let disableSequence = "\u{1B}[?1006l\u{1B}[?1003l\u{1B}[?1002l\u{1B}[?1000l"

    /// An SGR report without its `ESC [ <` prefix, e.g. `"0;5;3M"`.
    public static func decodeSGR(_ body: String) -> MouseEvent? {
        guard let last = body.last, last == "M" || last == "m" else { return nil }
        let fields = body.dropLast().split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 3, let button = Int(fields[0]), let x = Int(fields[1]), let y = Int(fields[2]),
            x >= 1, y >= 1
        else { return nil }
        return event(button: button, isRelease: last == "m", x: x - 1, y: y - 1)
    }

    /// A legacy report: the three bytes after `ESC [ M`.
    public static func decodeX10(button: UInt32, x: UInt32, y: UInt32) -> MouseEvent? {
        guard button >= 32, x > 32, y > 32 else { return nil }
        let code = Int(button) - 32
        // Legacy reports have no release flag: button bits 3 mean "released".
        let isRelease = code & 0b11 == 3 && code & 64 == 0
        return event(button: code, isRelease: isRelease, x: Int(x) - 33, y: Int(y) - 33)
    }

    /// Button code bits: 0-1 button, 2 shift, 3 meta, 4 control, 5 motion, 6 wheel.
    static func event(button: Int, isRelease: Bool, x: Int, y: Int) -> MouseEvent? {
        guard !isRelease, button & 32 == 0 else { return nil }
        let base = button & ~0b11100  // drop the modifier bits
        switch base {
        case 0: return MouseEvent(kind: .press, x: x, y: y)
        case 64: return MouseEvent(kind: .wheelUp, x: x, y: y)
        case 65: return MouseEvent(kind: .wheelDown, x: x, y: y)
        default: return nil
        }
    }
}
