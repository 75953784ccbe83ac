import Foundation
import Testing

/// The binary links FoundationEssentials, never full Foundation: one `import Foundation` in a
/// module of the binary adds Foundation, FoundationInternationalization and ICU's data, which
/// more than doubled the static release (docs/ARCHITECTURE.md, "Foundation and binary size").
@Suite("What the binary links")
struct LinkageTests {
    @Test("ldd envtop: FoundationEssentials and libyaml, no libFoundation, no ICU")
    func noFullFoundation() throws {
        let binary = try #require(TestBinary.envtop, "the envtop executable is not built: run swift build")
        let ldd = try TestProcess.run("/usr/bin/ldd", [binary])
        let libraries = Set(ldd.output.split(separator: "\n").compactMap { $0.split(whereSeparator: \.isWhitespace).first.map(String.init) })
        #expect(libraries.contains { $0.hasPrefix("libyaml") }, "\(ldd.output)")
        #expect(!libraries.contains("libFoundation.so"), "\(ldd.output)")
        #expect(!libraries.contains("libFoundationInternationalization.so"), "\(ldd.output)")
        #expect(!libraries.contains("lib_FoundationICU.so"), "\(ldd.output)")
    }
}
