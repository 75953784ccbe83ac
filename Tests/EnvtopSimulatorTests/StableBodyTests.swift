import EnvtopSimulator
import Foundation
import Testing

/// A real server writes the same bytes for the same unchanged answer; the dashboard relies on it
/// to skip decoding a page that did not change, so the simulator must do the same.
@Suite("Stable answers")
struct StableBodyTests {
    @Test("the same page read twice, with nothing changed in between, is the same bytes, keys in order")
    func samePageSameBytes() async throws {
        try await TestServers.with(TestServers.quiet(items: 60)) { server async throws in
            let probe = HTTPProbe(baseURL: server.baseURL, credential: TestServers.environmentKey)
            let path = "/v1/environments/\(server.environmentIDs[0])/work?limit=50"
            let first = try await probe.send("GET", path)
            let second = try await probe.send("GET", path)
            #expect(first.status == 200)
            #expect(first.text.count > 1000)
            #expect(first.text == second.text)
            // Every object's keys come sorted, as `.sortedKeys` writes them.
            #expect(first.text.hasPrefix(#"{"data":[{"acknowledged_at":"#))
        }
    }
}
