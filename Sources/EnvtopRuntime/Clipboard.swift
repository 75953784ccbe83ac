#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The system clipboard through the terminal: an OSC 52 sequence, which works over SSH because
/// the terminal on the operator's machine carries it out. Inside tmux or screen the sequence is
/// wrapped so the multiplexer passes it through (tmux needs `allow-passthrough on`, or
/// `set-clipboard on` to take it itself; see README "Copy").
public enum Clipboard {
    public enum Multiplexer: Sendable, Equatable {
        case none, tmux, screen
    }

    /// The most text one copy sends: terminals refuse or cut longer OSC 52 payloads.
    public static let maxBytes = 64 * 1024

    /// Which multiplexer the program runs in, from its environment (`TMUX`, `STY`).
    public static func multiplexer(_ environment: [String: String]) -> Multiplexer {
        if let tmux = environment["TMUX"], !tmux.isEmpty { return .tmux }
        if let screen = environment["STY"], !screen.isEmpty { return .screen }
        return .none
    }

    /// `ESC ] 52 ; c ; base64(text) BEL`, wrapped for `multiplexer`.
    public static func osc52(_ text: String, inside multiplexer: Multiplexer) -> [UInt8] {
        let payload = Data(text.utf8.prefix(maxBytes)).base64EncodedString()
        let osc = "\u{1b}]52;c;\(payload)\u{07}"
        switch multiplexer {
        case .none:
            return Array(osc.utf8)
        case .tmux:
            // A DCS passthrough: every ESC inside is doubled.
            return Array(("\u{1b}Ptmux;" + osc.replacing("\u{1b}", with: "\u{1b}\u{1b}") + "\u{1b}\\").utf8)
        case .screen:
            // screen passes a DCS string through, but at most 768 bytes of one: send the
            // sequence in pieces, each its own DCS.
            var out = ""
            var rest = Substring(osc)
            while !rest.isEmpty {
                out += "\u{1b}P" + rest.prefix(700) + "\u{1b}\\"
                rest = rest.dropFirst(700)
            }
            return Array(out.utf8)
        }
    }
}
