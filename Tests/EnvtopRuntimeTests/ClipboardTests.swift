import Foundation
import Testing

@testable import EnvtopRuntime

@Suite("Clipboard: OSC 52, wrapped for tmux and screen")
struct ClipboardTests {
    @Test("plain: ESC ] 52 ; c ; base64 BEL")
    func plain() {
        let bytes = Clipboard.osc52("work_123", inside: .none)
        #expect(String(decoding: bytes, as: UTF8.self) == "\u{1b}]52;c;\(Data("work_123".utf8).base64EncodedString())\u{07}")
    }

    @Test("inside tmux: a DCS passthrough with every inner ESC doubled")
    func tmux() {
        let text = String(decoding: Clipboard.osc52("work_123", inside: .tmux), as: UTF8.self)
        #expect(text.hasPrefix("\u{1b}Ptmux;\u{1b}\u{1b}]52;c;"))
        #expect(text.hasSuffix("\u{07}\u{1b}\\"))
    }

    @Test("inside screen: DCS pieces of at most 700 bytes that join back into the sequence")
    func screen() {
        let long = String(repeating: "x", count: 3000)
        let text = String(decoding: Clipboard.osc52(long, inside: .screen), as: UTF8.self)
        let pieces = text.components(separatedBy: "\u{1b}\\").filter { !$0.isEmpty }
        #expect(pieces.allSatisfy { $0.hasPrefix("\u{1b}P") && $0.utf8.count <= 702 })
        #expect(pieces.map { String($0.dropFirst(2)) }.joined() == String(decoding: Clipboard.osc52(long, inside: .none), as: UTF8.self))
    }

    @Test("the environment says which multiplexer")
    func detection() {
        #expect(Clipboard.multiplexer(["TMUX": "/tmp/tmux-0/default,1,0"]) == .tmux)
        #expect(Clipboard.multiplexer(["STY": "1234.pts-0.host"]) == .screen)
        #expect(Clipboard.multiplexer(["TMUX": ""]) == .none)
    }
}
