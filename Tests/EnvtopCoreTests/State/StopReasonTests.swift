import EnvtopCore
import EnvtopModels
import EnvtopUI
import Foundation
import Testing

/// The reason in a stop dialog: optional in every dialog (`r`), required for a production
/// force stop (Tab, where the label is typed), sent with the stop and, with `record_reason`,
/// flagged to be written to the item's metadata.
@Suite("Stop reasons")
struct StopReasonTests {
    typealias F = StateFixtures

    static func state(production: Bool = false, recordReason: Bool = false) -> AppState {
        var env = WatchedEnvironment(id: F.env, label: "prod", production: production)
        env.recordReason = recordReason
        var s = AppState(options: .init(environments: [env], refreshInterval: 2), size: Size(width: 120, height: 40), now: F.t0)
        F.answer(&s, s.apply(.tick(F.t0)), pages: [[F.item(1), F.item(2)]])
        return s
    }

    static func type(_ s: inout AppState, _ text: String) {
        for c in text { _ = s.apply(.key(.character(c))) }
    }

    @Test("r writes a reason in the dialog; y and n typed in it are text, not answers; the stop carries it")
    func optionalReason() throws {
        var s = Self.state(recordReason: true)
        let target = try #require(s.selectedID)
        _ = s.apply(.key(.character("S")))
        _ = s.apply(.key(.character("r")))
        #expect(s.keyScope == .reasonField)
        Self.type(&s, "stuck, no worker; y n")
        #expect(s.overlay != nil, "y and n are part of the reason")
        _ = s.apply(.key(.enter))
        #expect(s.keyScope == .dialog)
        #expect(DashboardView.render(s).text.contains("stuck, no worker; y n"))
        let effects = s.apply(.key(.character("y")))
        #expect(effects == [.stop(environmentID: F.env, workID: target, mode: .force, note: StopNote(reason: "stuck, no worker; y n", record: true))])
    }

    @Test("no reason: the stop goes without a note; Esc in the reason drops it and keeps the dialog")
    func noReason() throws {
        var s = Self.state()
        let target = try #require(s.selectedID)
        _ = s.apply(.key(.character("s")))
        _ = s.apply(.key(.character("r")))
        Self.type(&s, "oops")
        _ = s.apply(.key(.escape))
        #expect(s.keyScope == .dialog)
        #expect(s.apply(.key(.character("y"))) == [.stop(environmentID: F.env, workID: target, mode: .graceful)])
    }

    @Test("a production force stop waits for the label and a reason; the batch sends its reason with every stop")
    func productionNeedsReason() throws {
        var s = Self.state(production: true)
        let target = try #require(s.selectedID)
        _ = s.apply(.key(.character("S")))
        Self.type(&s, "prod")
        #expect(s.apply(.key(.enter)).isEmpty)
        #expect(s.flash?.notice == .reasonRequired(workID: target))
        #expect(s.keyScope == .reasonField)
        Self.type(&s, "INC-9")
        _ = s.apply(.key(.enter))
        #expect(s.keyScope == .typedConfirm)
        #expect(s.apply(.key(.enter)) == [.stop(environmentID: F.env, workID: target, mode: .force, note: StopNote(reason: "INC-9", record: false))])

        var batch = Self.state(production: true)
        _ = batch.apply(.key(.character("*")))
        _ = batch.apply(.key(.character("S")))
        Self.type(&batch, "prod")
        _ = batch.apply(.key(.tab))
        Self.type(&batch, "host lost")
        _ = batch.apply(.key(.enter))
        var effects = batch.apply(.key(.enter))
        var stops: [Effect] = []
        for _ in 0..<6 {
            for effect in effects {
                if case .fetchItem(let env, let id) = effect {
                    effects = batch.apply(.itemChecked(environmentID: env, workID: id, .success(batch.item(ItemRef(environmentID: env, workID: id))!), at: batch.now))
                    stops += effects.filter { if case .stop = $0 { true } else { false } }
                    effects += batch.apply(.tick(batch.now.addingTimeInterval(1)))
                }
            }
        }
        #expect(stops.count == 2)
        #expect(stops.allSatisfy { if case .stop(_, _, .force, _, let note) = $0 { note?.reason == "host lost" } else { false } })
    }
}
