import EnvtopCore

/// The input decoders on any byte stream, as the terminal thread feeds them: characters and
/// curses key codes through `KeyDecoder`, a paste through `PasteCollector` (bounded, and text
/// only), SGR and X10 mouse reports through `MouseDecoder`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var paste: PasteCollector?
    var i = 0
    while i < bytes.count {
        // Two bytes make a curses key code (0x100 and up) when the first is 0xFF.
        let raw: RawKeyInput
        if bytes[i] == 0xFF, i + 2 < bytes.count {
            raw = .keyCode(0x100 + Int32(bytes[i + 1]) << 8 | Int32(bytes[i + 2]))
            i += 3
        } else {
            raw = .character(UInt32(bytes[i]))
            i += 1
        }
        if var collector = paste {
            if collector.feed(raw, spelling: { _ in nil }) != nil { paste = nil } else { paste = collector }
        } else if case .pasteStart = KeyDecoder.decode(raw) {
            paste = PasteCollector()
        }
    }
    let text = String(decoding: bytes, as: UTF8.self)
    _ = MouseDecoder.decodeSGR(text)
    if bytes.count >= 3 { _ = MouseDecoder.decodeX10(button: UInt32(bytes[0]), x: UInt32(bytes[1]), y: UInt32(bytes[2])) }
    return 0
}
