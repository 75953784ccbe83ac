import EnvtopCore
import EnvtopModels
import Foundation
import Testing

@Suite("Marks and batch stops: exactly the marked items, once each, paced, cancellable")
struct BatchStopTests {
    typealias F = StateFixtures

    /// Six active items, loaded.
    static func loaded() -> AppState {
        F.loaded((1...6).map { F.item($0, createdSecondsAgo: Double(100 * $0)) })
    }

    /// Marks the rows (ascending) with the keys an operator uses: g, j, Space.
    static func marked(_ s: inout AppState, rows: [Int]) {
        _ = s.apply(.key(.character("g")))
        var current = 0
        for row in rows {
            for _ in current..<row { _ = s.apply(.key(.character("j"))) }
            _ = s.apply(.key(.character(" ")))
            current = row + 1
        }
    }

    /// Answers the batch's effects until it ends: reads succeed with the store's copy, stops
    /// succeed (or fail for `refuse`). Returns every stop sent, in order.
    static func drive(_ s: inout AppState, _ first: [Effect], refuse: Set<String> = [], maxSteps: Int = 200) -> [String] {
        var queue = first
        var stops: [String] = []
        var steps = 0
        while steps < maxSteps, s.batch != nil || !queue.isEmpty {
            steps += 1
            if queue.isEmpty {
                queue = s.apply(.tick(s.now.addingTimeInterval(0.2)))
                continue
            }
            switch queue.removeFirst() {
            case .fetchItem(let env, let id):
                let item = s.environmentFeed(env)?.store[id]
                queue += s.apply(.itemChecked(environmentID: env, workID: id, item.map { .success($0) } ?? .failure(.http(status: 404, type: "not_found_error", message: "gone", requestID: nil, details: nil)), at: s.now))
            case .stop(let env, let id, let mode, _, _):
                stops.append(id)
                var item = s.environmentFeed(env)!.store[id]!
                if refuse.contains(id) {
                    queue += s.apply(.stopFinished(environmentID: env, workID: id, mode: mode, .failure(.http(status: 403, type: "permission_error", message: "no", requestID: "req_1", details: nil)), at: s.now))
                } else {
                    item.state = mode == .force ? .stopped : .stopping
                    queue += s.apply(.stopFinished(environmentID: env, workID: id, mode: mode, .success(item), at: s.now))
                }
            default: break
            }
        }
        return stops
    }

    @Test("Space marks and moves down; * marks every row shown; u clears; marks survive a sort")
    func marking() {
        var s = Self.loaded()
        Self.marked(&s, rows: [0, 2])
        #expect(s.marks.count == 2)
        #expect(s.selectedIndex == 3)  // moved down after the last mark
        _ = s.apply(.key(.character("o")))
        #expect(s.marks.count == 2)
        _ = s.apply(.key(.character("*")))
        #expect(s.marks.count == 6)
        _ = s.apply(.key(.character("u")))
        #expect(s.marks.isEmpty)
    }

    @Test("S with marks opens one batch dialog; y sends exactly the marked items' stops, once each, one per pace step")
    func forceStopsExactlyTheMarked() throws {
        var s = Self.loaded()
        Self.marked(&s, rows: [0, 2, 4])
        let wanted = Set(s.marks.map(\.workID))
        _ = s.apply(.key(.character("S")))
        guard case .batchDialog(let dialog) = s.overlay else { Issue.record("no batch dialog: \(String(describing: s.overlay))"); return }
        #expect(dialog.toSend.count == 3)
        #expect(dialog.mode == .force)
        let first = s.apply(.key(.character("y")))
        #expect(s.batch?.targets.count == 3)
        // The first target is re-read before anything is sent.
        #expect(first.allSatisfy { if case .stop = $0 { false } else { true } })
        let stops = Self.drive(&s, first)
        #expect(Set(stops) == wanted)
        #expect(stops.count == 3)
        #expect(s.batch == nil)
        #expect(s.marks.isEmpty)  // stopped items lose their marks
        if case .batchFinished(let summary) = s.flash?.notice {
            #expect(summary.done == 3 && summary.total == 3 && summary.failed.isEmpty)
        } else {
            Issue.record("no summary: \(String(describing: s.flash?.notice))")
        }
    }

    @Test("a stopped target is skipped, a refused one stays marked, and no stop goes twice while one is in flight")
    func skipsAndFailures() {
        var s = Self.loaded()
        Self.marked(&s, rows: [0, 1, 2])
        let refs = Array(s.marks).sorted { $0.description < $1.description }
        // One of them stops by itself before the batch reaches it.
        var done = s.environmentFeed(refs[0].environmentID)!.store[refs[0].workID]!
        done.state = .stopped
        _ = s.apply(.stopFinished(environmentID: refs[0].environmentID, workID: refs[0].workID, mode: .force, .success(done), at: s.now))
        _ = s.apply(.key(.character("S")))
        guard case .batchDialog(let dialog) = s.overlay else { Issue.record("no dialog"); return }
        #expect(dialog.skipped.count == 1)
        let stops = Self.drive(&s, s.apply(.key(.character("y"))), refuse: [refs[2].workID])
        #expect(stops.count == 2)
        #expect(!stops.contains(refs[0].workID))
        #expect(s.marks == [refs[2]])  // the refused one stays marked
        guard case .batchFinished(let summary) = s.flash?.notice else { Issue.record("no summary"); return }
        #expect(summary.failed.map(\.ref) == [refs[2]])
        #expect(summary.skipped == 1)
    }

    @Test("Esc cancels what is not sent yet: the answers of what was sent still count")
    func escCancels() {
        var s = Self.loaded()
        _ = s.apply(.key(.character("*")))
        _ = s.apply(.key(.character("S")))
        var queue = s.apply(.key(.character("y")))
        var sent: [String] = []
        // Answer the first read and its stop, then Esc before the next one is due.
        while let effect = queue.first {
            queue.removeFirst()
            switch effect {
            case .fetchItem(let env, let id):
                let item = s.environmentFeed(env)!.store[id]!
                queue += s.apply(.itemChecked(environmentID: env, workID: id, .success(item), at: s.now))
            case .stop(let env, let id, let mode, _, _):
                sent.append(id)
                var item = s.environmentFeed(env)!.store[id]!
                item.state = .stopped
                _ = s.apply(.key(.escape))  // cancel while this one is in flight
                queue += s.apply(.stopFinished(environmentID: env, workID: id, mode: mode, .success(item), at: s.now))
            default: break
            }
        }
        #expect(sent.count == 1)
        #expect(s.batch == nil)
        // Later ticks send nothing.
        let later = s.apply(.tick(s.now.addingTimeInterval(5)))
        #expect(!later.contains { if case .stop = $0 { true } else { false } })
        guard case .batchFinished(let summary) = s.flash?.notice else { Issue.record("no summary"); return }
        #expect(summary.cancelled && summary.done == 1 && summary.unsent == 5)
        #expect(s.marks.count == 5)
    }

    @Test("X force-stops every item needing attention through the same dialog; an unknown key says so")
    func attentionBatchAndUnknownKey() {
        let items = [F.item(1, heartbeatSecondsAgo: 600), F.item(2, heartbeatSecondsAgo: -55), F.item(3, state: .stopping)]
        var s = F.loaded(items)
        // A refresh a minute later: the stop asked 70 s ago is now overdue.
        F.answer(&s, s.apply(.tick(F.t0.addingTimeInterval(60))), pages: [items])
        _ = s.apply(.key(.character("X")))
        guard case .batchDialog(let dialog) = s.overlay else { Issue.record("no dialog"); return }
        #expect(Set(dialog.toSend.map(\.id)) == [F.item(1).id, F.item(3).id])
        _ = s.apply(.key(.escape))
        #expect(s.overlay == nil)
        _ = s.apply(.key(.character("x")))
        #expect(s.flash?.notice == .notAKey("x"))
    }

    @Test("read-only: no mark or key sequence produces a stop")
    func readOnly() {
        var s = F.loaded((1...3).map { F.item($0) }, readOnly: true)
        var effects: [Effect] = []
        for key in [" ", "*", "S", "y", "s", "y", "X", "y"] { effects += s.apply(.key(.character(Character(key)))) }
        #expect(!effects.contains { if case .stop = $0 { true } else { false } })
        #expect(s.overlay == nil)
    }
}
