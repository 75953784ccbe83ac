import EnvtopCore

/// The search line's query language on any text: a query or a syntax error whose column is
/// inside the text, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = SearchQuery.parse(text)
    return 0
}
