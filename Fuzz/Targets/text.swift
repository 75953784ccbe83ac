import EnvtopCore

/// `SafeText` and `DisplayWidth` on any text: no crash, nothing unsafe for a terminal left in
/// the visible form, and widths that add up.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let visible = SafeText.visible(text)
    for scalar in visible.unicodeScalars {
        let v = scalar.value
        if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
            fatalError("SafeText.visible left U+\(String(v, radix: 16)) in \(visible.debugDescription)")
        }
    }
    let glyphs = SafeText.glyphs(text)
    if glyphs.contains(where: { $0.width < 0 || $0.width > 2 }) { fatalError("a glyph wider than 2 or negative") }
    if SafeText.width(text) < 0 { fatalError("negative width") }
    for character in text { _ = DisplayWidth.of(character) }
    return 0
}
