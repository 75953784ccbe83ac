import EnvtopClient
import EnvtopModels
import EnvtopSimulator
import Foundation
import Testing

/// The metadata editor in the real binary against the simulator: the patch reaches the
/// simulator once, the list shows the new value, and the audit log records the patch.
extension DashboardEndToEndTests {
    static let updateRoute = SimulatorRoute.updateWork.rawValue

    @Test("m: add a ticket and delete a key; the simulator holds exactly the patched metadata, and the audit log the patch")
    func metadataEdit() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.dispose() }
        let tmux = Tmux()
        defer { tmux.kill() }
        try await launch(fixture, tmux: tmux)
        let all = fixture.active + fixture.queued
        let target = fixture.queued[0]
        try await isolate(target, among: all, tmux: tmux)
        try tmux.type("m")
        try await tmux.waitFor(text: "Metadata · \(target.id)")
        try tmux.type("d")  // the one key, job, deleted
        try tmux.type("a")
        try await tmux.waitFor(text: "new key:")
        try tmux.type("ticket")
        try tmux.press("Enter")
        try await tmux.waitFor(text: "ticket = ")
        try tmux.type("INC-4242")
        try tmux.press("Enter")
        try tmux.type("w")
        let review = try await tmux.waitFor(text: "Patch for \(target.id)")
        #expect(review.contains(#"{"job":null,"ticket":"INC-4242"}"#), "the review shows the merge patch:\n\(review)")
        #expect(await fixture.server.requestCounts()[Self.updateRoute] == nil, "nothing is sent before y")
        try tmux.type("y")
        try await tmux.waitFor(text: "Metadata of \(target.id) updated (2 keys)")
        let stored = await fixture.server.workItem(environmentID: fixture.environmentID, id: target.id)
        #expect(stored?.metadata == ["ticket": "INC-4242"])
        #expect(await fixture.server.requestCounts()[Self.updateRoute] == 1)
        // The detail pane shows the value the API now holds.
        try await tmux.waitFor(text: "INC-4242")
        let lines = auditLines(logFile: fixture.logFile)
        let updates = lines.filter { $0.contains("\"action\":\"update_metadata\"") && $0.contains("\"work_id\":\"\(target.id)\"") }
        #expect(updates.count == 2, "an attempt and its result:\n\(lines.joined(separator: "\n"))")
        #expect(updates.allSatisfy { $0.contains(#""patch":{"job":null,"ticket":"INC-4242"}"#) })
        #expect(updates.contains { $0.contains("\"result\":\"ok\"") })
        try tmux.press("q")
        try await tmux.waitFor(text: "$ ")
    }
}
