import EnvtopCore
import EnvtopUI

/// The YAML config and theme readers on any bytes: a `SettingsFileError` with a file and
/// (where it can) a line, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do { _ = try EnvtopConfig.parse(text, file: "config.yaml") } catch {
        if !error.description.hasPrefix("config.yaml") { fatalError("an error without the file: \(error)") }
    }
    do { _ = try ThemeFile.parse(text, name: "fuzz", file: "fuzz.yaml") } catch {
        if !error.description.hasPrefix("fuzz.yaml") { fatalError("an error without the file: \(error)") }
    }
    return 0
}
