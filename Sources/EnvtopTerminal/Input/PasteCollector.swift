/// Collects a bracketed paste into one string: a pure accumulator, tested without a terminal.
///
/// With bracketed paste on (`ESC [ ? 2004 h`), the terminal wraps pasted text in
/// `ESC [ 200 ~` … `ESC [ 201 ~`. curses is taught both markers as private key codes (see
/// `ExtraKeySequences`), so the terminal thread sees `.pasteStart`, then the pasted text as
/// ordinary `wget_wch` results, then `.pasteEnd`. Everything in between is text, never keys:
/// characters are kept as they are (CR, LF, tab and other control characters included), and
/// whatever curses decoded into a key code (a pasted `ESC [ A`, say) is spelled back as the
/// sequence it is bound to. The app gets the whole paste as one `TerminalInput.paste`, so a
/// pasted `queued⏎Sy⏎` cannot end a search and then act on the selection.
///
/// The text is capped at `limit` UTF-8 bytes: the rest is dropped, but collection goes on
/// until the end marker so none of it leaks out as keys. Appending is amortised O(1) per
/// input, so a paste costs O(length). If the end marker never comes (a broken terminal, a
/// cut-off link), the terminal thread ends the paste after `idleTimeoutMilliseconds` without
/// input and reports what was collected.
public struct PasteCollector: Sendable {
    /// Turns bracketed paste on (sent when the session starts).
    public static let enableSequence = "\u{1B}[?2004h"
    /// Turns bracketed paste off (sent wherever the terminal is restored).
    public static let disableSequence = "\u{1B}[?2004l"
    /// The marker before pasted text.
    public static let startMarker = "\u{1B}[200~"
    /// The marker after pasted text.
    public static let endMarker = "\u{1B}[201~"
    /// The default cap on the collected text, in UTF-8 bytes.
    public static let defaultLimit = 64 * 1024
    /// How long a paste waits for more input before it is ended without its end marker.
    public static let idleTimeoutMilliseconds = 200

    /// The cap on `text`, in UTF-8 bytes.
    public let limit: Int
    private var scalars = String.UnicodeScalarView()
    /// UTF-8 bytes in `scalars` so far.
    public private(set) var byteCount = 0
    /// True once something was dropped because of `limit`.
    public private(set) var isTruncated = false

    public init(limit: Int = PasteCollector.defaultLimit) {
        self.limit = max(0, limit)
    }

    /// What has been collected so far.
    public var text: String { String(scalars) }

    /// Feeds one `wget_wch` result read while the paste is open. Returns the whole paste when
    /// `raw` is the end marker, nil while the paste goes on.
    ///
    /// - Parameter spelling: the sequence a curses key code stands for (e.g. `keybound`), for
    ///   key codes curses decoded inside the paste; nil drops the key code.
    public mutating func feed(_ raw: RawKeyInput, spelling: (Int32) -> String?) -> String? {
        switch raw {
        case .character(let value):
            if let scalar = Unicode.Scalar(value) { append(scalar) }
        case .keyCode(let code):
            if code == ExtraKeySequences.pasteEnd { return text }
            if let spelled = spelling(code) {
                for scalar in spelled.unicodeScalars { append(scalar) }
            }
        }
        return nil
    }

    private mutating func append(_ scalar: Unicode.Scalar) {
        guard !isTruncated else { return }
        let size = UTF8.width(scalar)
        guard byteCount + size <= limit else {
            // Drop this and everything after it, so the kept text is one unbroken prefix.
            isTruncated = true
            return
        }
        scalars.append(scalar)
        byteCount += size
    }
}
