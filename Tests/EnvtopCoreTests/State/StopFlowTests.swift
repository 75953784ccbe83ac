import EnvtopCore
import EnvtopUI
import EnvtopModels
import Foundation
import Testing

@Suite("Stop and force stop")
struct StopFlowTests {
    typealias F = StateFixtures

    func dialog(_ s: AppState) -> StopDialog? {
        if case .stopDialog(let d) = s.overlay { return d }
        return nil
    }

    @Test("s opens a confirmation pinned to the selected item and re-checks it")
    func opensPinnedDialog() throws {
        var s = F.loaded([F.item(1), F.item(2), F.item(3)])
        _ = s.apply(.key(.down))
        let selected = try #require(s.selectedID)
        let effects = s.apply(.key(.character("s")))
        #expect(effects == [.fetchItem(environmentID: F.env, workID: selected)])
        let d = try #require(dialog(s))
        #expect(d.workID == selected)
        #expect(d.mode == .graceful)
        #expect(d.focused == .cancel)
    }

    @Test("the stop goes to the pinned id even after the list reorders under the cursor")
    func pinnedAcrossRefresh() throws {
        var s = F.loaded([F.item(1, createdSecondsAgo: 100), F.item(2, createdSecondsAgo: 200)])
        let target = try #require(s.selectedID)
        _ = s.apply(.key(.character("s")))
        // A refresh brings a newer item that sorts above: the row under the cursor changes.
        let t1 = F.t0.addingTimeInterval(3)
        F.answer(&s, s.apply(.tick(t1)), pages: [[F.item(7, createdSecondsAgo: 1), F.item(1, createdSecondsAgo: 100), F.item(2, createdSecondsAgo: 200)]])
        #expect(s.visibleIDs.first == F.item(7).id)
        let effects = s.apply(.key(.character("y")))
        #expect(effects == [.stop(environmentID: F.env, workID: target, mode: .graceful)])
        #expect(s.overlay == nil)
    }

    @Test("Enter on the default button cancels and nothing is sent")
    func enterCancels() {
        var s = F.loaded([F.item(1)])
        _ = s.apply(.key(.character("s")))
        #expect(s.apply(.key(.enter)).isEmpty)
        #expect(s.overlay == nil)
        #expect(s.flash?.text.contains("nothing was stopped") == true)
    }

    @Test("Esc closes the dialog at once")
    func escCancels() {
        var s = F.loaded([F.item(1)])
        _ = s.apply(.key(.character("S")))
        #expect(s.apply(.key(.escape)).isEmpty)
        #expect(s.overlay == nil)
    }

    @Test("only y confirms a force stop: Enter on the Force button does not")
    func forceNeedsY() throws {
        var s = F.loaded([F.item(1)])
        let target = try #require(s.selectedID)
        _ = s.apply(.key(.character("S")))
        _ = s.apply(.key(.tab))
        #expect(dialog(s)?.focused == .confirm)
        #expect(s.apply(.key(.enter)).isEmpty)
        #expect(dialog(s) != nil)
        #expect(s.apply(.key(.character("y"))) == [.stop(environmentID: F.env, workID: target, mode: .force)])
    }

    @Test("Enter on the Stop button confirms a graceful stop")
    func gracefulEnterOnConfirm() throws {
        var s = F.loaded([F.item(1)])
        let target = try #require(s.selectedID)
        _ = s.apply(.key(.character("s")))
        _ = s.apply(.key(.right))
        #expect(s.apply(.key(.enter)) == [.stop(environmentID: F.env, workID: target, mode: .graceful)])
    }

    @Test("the dialog says when the item changed state since it opened")
    func stateChangeShown() throws {
        var s = F.loaded([F.item(1, state: .active)])
        let target = try #require(s.selectedID)
        _ = s.apply(.key(.character("s")))
        var changed = F.item(1, state: .stopping)
        changed.stopRequestedAt = F.t0
        _ = s.apply(.itemChecked(environmentID: F.env, workID: target, .success(changed), at: F.t0))
        let d = try #require(dialog(s))
        #expect(d.stateChanged)
        #expect(d.target.state == .active)
        #expect(d.current.state == .stopping)
        #expect(d.verified)
    }

    @Test("a check for another item does not touch the dialog")
    func unrelatedCheckIgnored() throws {
        var s = F.loaded([F.item(1), F.item(2)])
        _ = s.apply(.key(.character("s")))
        let before = try #require(dialog(s))
        let other = F.item(2, state: .stopped)
        _ = s.apply(.itemChecked(environmentID: F.env, workID: other.id == before.workID ? "x" : other.id, .success(other), at: F.t0))
        #expect(dialog(s)?.current == before.current)
    }

    @Test("read-only mode never opens a stop dialog")
    func readOnly() {
        var s = F.loaded([F.item(1)], readOnly: true)
        #expect(s.apply(.key(.character("s"))).isEmpty)
        #expect(s.apply(.key(.character("S"))).isEmpty)
        #expect(s.overlay == nil)
        #expect(s.flash?.text.contains("Read-only") == true)
    }

    @Test("results read as plain messages: stopping, stopped, already stopped, refused")
    func results() {
        var s = F.loaded([F.item(1)])
        let id = F.item(1).id
        var stopping = F.item(1, state: .stopping)
        stopping.stopRequestedAt = F.t0
        _ = s.apply(.stopFinished(environmentID: F.env, workID: id, mode: .graceful, .success(stopping), at: F.t0))
        #expect(s.flash?.text.contains("is stopping") == true)
        #expect(s.store[id]?.state == .stopping)
        _ = s.apply(.stopFinished(environmentID: F.env, workID: id, mode: .force, .success(F.item(1, state: .stopped)), at: F.t0))
        #expect(s.flash?.text.contains("stopped (forced)") == true)
        let conflict = APIError.http(status: 409, type: "conflict_error", message: "already stopped", requestID: nil, details: nil)
        _ = s.apply(.stopFinished(environmentID: F.env, workID: id, mode: .force, .failure(conflict), at: F.t0))
        #expect(s.flash?.text.contains("already stopped") == true)
        let refused = APIError.http(status: 403, type: "permission_error", message: "this call takes the environment key", requestID: "req_9", details: nil)
        _ = s.apply(.stopFinished(environmentID: F.env, workID: id, mode: .graceful, .failure(refused), at: F.t0))
        #expect(s.flash?.kind == .error)
        #expect(s.flash?.text.contains("environment key") == true)
        #expect(s.flash?.text.contains("req_9") == true)
    }
}
