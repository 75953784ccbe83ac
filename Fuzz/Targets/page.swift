import EnvtopModels
import FoundationEssentials

/// The page decoder, differential: whenever the fast decoder accepts a body, `JSONDecoder`
/// (the reference, and the fallback for everything else) must read the very same page; and
/// neither may crash on any bytes. Built with the client's response files in this module.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = Array(UnsafeBufferPointer(start: data, count: size))
    let fast = WorkPageFastDecoder.decode(body)
    let reference = try? JSONDecoder().decode(WorkPage.self, from: Data(body))
    if let fast, fast != reference {
        fatalError("the fast decoder and JSONDecoder disagree on \(String(decoding: body, as: UTF8.self))")
    }
    _ = try? ResponseDecoding.decodePage(from: body, endpoint: "work.list")
    _ = LoneSurrogates.repair(body)
    return 0
}
