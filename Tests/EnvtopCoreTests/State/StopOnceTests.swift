import EnvtopCore
import EnvtopUI
import EnvtopModels
import Foundation
import Testing

@Suite("A stop is sent once")
struct StopOnceTests {
    typealias F = StateFixtures

    static func stops(_ effects: [Effect]) -> Int {
        effects.filter { if case .stop = $0 { return true } else { return false } }.count
    }

    @Test("S y S y S y typed in one burst sends one stop")
    func burst() {
        var s = F.loaded([F.item(1), F.item(2)])
        var sent = 0
        for key in ["S", "y", "S", "y", "S", "y"] { sent += Self.stops(s.apply(.key(.character(Character(key))))) }
        #expect(sent == 1)
        #expect(s.stopsInFlight.count == 1)
    }

    @Test("after the stop lands, the dialog does not open for the stopped item")
    func noDialogForStopped() {
        var s = F.loaded([F.item(1)])
        let id = s.selectedID!
        _ = s.apply(.key(.character("S")))
        _ = s.apply(.key(.character("y")))
        _ = s.apply(.stopFinished(environmentID: F.env, workID: id, mode: .force, .success(F.item(1, state: .stopped)), at: s.now))
        #expect(s.stopsInFlight.isEmpty)
        #expect(s.apply(.key(.character("S"))).isEmpty)
        #expect(s.overlay == nil)
        #expect(s.flash?.text.contains("already stopped") == true)
    }

    @Test("a 409 is said once as already stopped, and nothing is re-sent")
    func conflict() {
        var s = F.loaded([F.item(1)])
        let id = s.selectedID!
        _ = s.apply(.key(.character("S")))
        _ = s.apply(.key(.character("y")))
        let conflict = APIError.http(status: 409, type: "invalid_request_error", message: "already stopped", requestID: nil, details: nil)
        let effects = s.apply(.stopFinished(environmentID: F.env, workID: id, mode: .force, .failure(conflict), at: s.now))
        #expect(Self.stops(effects) == 0)
        #expect(s.flash?.text.contains("already stopped (409)") == true)
    }

    @Test("a 500, a timeout or a lost connection re-reads the item instead of stopping again",
          arguments: [
            APIError.http(status: 500, type: "api_error", message: "boom", requestID: nil, details: nil),
            APIError.timedOut("request after 5s"), APIError.transport("connection reset by peer"),
          ])
    func unknownOutcome(error: APIError) {
        var s = F.loaded([F.item(1)])
        let id = s.selectedID!
        _ = s.apply(.key(.character("S")))
        _ = s.apply(.key(.character("y")))
        let effects = s.apply(.stopFinished(environmentID: F.env, workID: id, mode: .force, .failure(error), at: s.now))
        #expect(effects == [.verifyStop(environmentID: F.env, workID: id, mode: .force)])
        // Still in flight while the outcome is checked: no second stop.
        #expect(s.apply(.key(.character("S"))).isEmpty)
        #expect(Self.stops(s.apply(.key(.character("y")))) == 0)
        let after = s.apply(.stopVerified(environmentID: F.env, workID: id, mode: .force, .success(F.item(1, state: .stopped)), at: s.now))
        #expect(Self.stops(after) == 0)
        #expect(s.flash?.text.contains("arrived") == true)
        #expect(s.store[id]?.state == .stopped)
        #expect(s.stopsInFlight.isEmpty)
    }

    @Test("a stop that did not arrive says so and lets the operator try again")
    func didNotArrive() {
        var s = F.loaded([F.item(1)])
        let id = s.selectedID!
        _ = s.apply(.key(.character("S")))
        _ = s.apply(.key(.character("y")))
        _ = s.apply(.stopFinished(environmentID: F.env, workID: id, mode: .force, .failure(.timedOut("5s")), at: s.now))
        _ = s.apply(.stopVerified(environmentID: F.env, workID: id, mode: .force, .success(F.item(1)), at: s.now))
        #expect(s.flash?.text.contains("did not arrive") == true)
        _ = s.apply(.key(.character("S")))
        #expect(Self.stops(s.apply(.key(.character("y")))) == 1)
    }

    @Test("a 404 on the stop removes the row")
    func notFound() {
        var s = F.loaded([F.item(1), F.item(2)])
        let id = s.selectedID!
        _ = s.apply(.key(.character("S")))
        _ = s.apply(.key(.character("y")))
        let gone = APIError.http(status: 404, type: "not_found_error", message: "no such work", requestID: nil, details: nil)
        _ = s.apply(.stopFinished(environmentID: F.env, workID: id, mode: .force, .failure(gone), at: s.now))
        #expect(s.store[id] == nil)
        #expect(!s.visibleIDs.contains(id))
        #expect(s.store.count == 1)
    }

    @Test("a paste into the search line is text: queued⏎Sy⏎ stops nothing")
    func pasteIsText() {
        var s = F.loaded([F.item(1, state: .queued), F.item(2)])
        _ = s.apply(.key(.character("/")))
        let effects = s.apply(.paste("queued\rSy\r"))
        #expect(effects.isEmpty)
        #expect(s.overlay == nil)
        #expect(s.search.isEditing)
        #expect(s.search.query == "queued Sy ")
        #expect(s.stopsInFlight.isEmpty)
    }

    @Test("a paste outside a text field is ignored with a notice")
    func pasteOutsideField() {
        var s = F.loaded([F.item(1)])
        #expect(s.apply(.paste("Sy")).isEmpty)
        #expect(s.overlay == nil)
        #expect(s.flash?.text.contains("Paste ignored") == true)
    }

    @Test("a huge paste is cut to the field's limit")
    func hugePaste() {
        var s = F.loaded([F.item(1)])
        _ = s.apply(.key(.character("/")))
        _ = s.apply(.paste(String(repeating: "x", count: 100_000)))
        #expect(s.search.query.count == TextField.maxLength)
    }
}
