@testable import EnvtopCore
@testable import EnvtopUI
import EnvtopModels
import Foundation
import Testing

private typealias F = ViewFixtures

/// Several environments of several profiles on one screen: the merged list with its ENV column,
/// a header line per environment, the switcher, and who a stop is aimed at.
@Suite("Merged view of several environments")
struct MergedViewTests {
    static let stagingA = "env_stagingAAAAAAAAAAAAAAAAAA"
    static let stagingB = "env_stagingBBBBBBBBBBBBBBBBBB"
    static let prod = "env_prodPPPPPPPPPPPPPPPPPPPPPP"

    static let environments = [
        WatchedEnvironment(id: stagingA, name: "sim-a", profile: "staging", label: "stg", color: .green),
        WatchedEnvironment(id: stagingB, name: "sim-b", profile: "staging", label: "stg", color: .green),
        WatchedEnvironment(id: prod, name: "eu-1", profile: "prod", label: "prod", color: .red, production: true),
    ]

    /// Item `n` of `env`, `created` seconds old.
    static func item(_ n: Int, _ env: String, _ state: WorkState = .active, created: Double) -> WorkItem {
        var item = F.item(n, state, created: created, acknowledged: created - 1, started: created - 2, heartbeat: 3)
        item.environmentID = env
        return item
    }

    /// Three environments loaded: two items in each of the staging ones, three in production.
    static func loaded(size: Size = Size(width: 130, height: 30)) -> AppState {
        var state = AppState(options: .init(environments: environments, refreshInterval: 2), size: size, now: F.now)
        let data: [String: [WorkItem]] = [
            stagingA: [item(1, stagingA, created: 10), item(2, stagingA, .queued, created: 40)],
            stagingB: [item(3, stagingB, created: 20), item(4, stagingB, created: 50)],
            prod: [item(5, prod, created: 30), item(6, prod, created: 60), item(7, prod, .queued, created: 70)],
        ]
        var queue = state.apply(.tick(F.now))
        while !queue.isEmpty {
            switch queue.removeFirst() {
            case .fetchStats(let env, let g):
                queue += state.apply(.statsLoaded(environmentID: env, generation: g, .success(F.stats), latency: 0.01, at: F.now))
            case .fetchPage(let r):
                queue += state.apply(.pageLoaded(r, .success(WorkPage(data: data[r.environmentID] ?? [], nextPage: nil)), at: F.now))
            default: break
            }
        }
        return state
    }

    @Test("one list across environments, each row tagged with its environment in the profile's colour")
    func envColumn() throws {
        let state = Self.loaded()
        #expect(state.isMerged)
        #expect(state.visible.count == 7)
        let screen = F.render(state)
        ScreenChecks.expectWellFormed(screen)
        let lines = screen.textLines
        let titles = try #require(lines.firstIndex { $0.contains("ENV") && $0.contains("STATE") })
        // Newest first: stg/sim-a (10 s), stg/sim-b (20 s), prod (30 s).
        #expect(lines[titles + 1].contains("stg/sim-a") && lines[titles + 1].contains(F.workID(1)))
        #expect(lines[titles + 2].contains("stg/sim-b") && lines[titles + 2].contains(F.workID(3)))
        #expect(lines[titles + 3].contains("prod") && lines[titles + 3].contains(F.workID(5)))
        // The tag is drawn in the profile's colour role (row 3 is not selected).
        let x = try #require(lines[titles + 3].range(of: "prod").map { lines[titles + 3].distance(from: lines[titles + 3].startIndex, to: $0.lowerBound) })
        #expect(screen[x, titles + 3].style.role == .envRed)
    }

    @Test("the header has a line per environment with its health and counts, and totals that add up")
    func headerLines() {
        let state = Self.loaded()
        let header = F.render(state).textLines.prefix(state.layout.header.height).joined(separator: "\n")
        #expect(header.contains("all: 3 environments"))
        #expect(header.contains("PRODUCTION: prod"))
        for tag in ["stg/sim-a", "stg/sim-b", "prod"] { #expect(header.contains(tag), "no line for \(tag)") }
        #expect(header.contains("queued 1   active 1"), "stg/sim-a: one queued, one active")
        #expect(header.contains("7 total"), "the totals across all three")
        #expect(state.totalItems == 2 + 2 + 3)
    }

    @Test("the switcher shows one environment alone, then all again, keeping sort, filter and search")
    func switcherKeepsTheQuery() throws {
        var state = Self.loaded()
        F.press(&state, .character("o"))  // oldest first
        F.press(&state, .character("/"), .character("w"), .enter)
        F.press(&state, .character("e"))
        guard case .switcher(let switcher) = state.overlay else { Issue.record("no switcher"); return }
        #expect(switcher.choices == [.all, .one(Self.stagingA), .one(Self.stagingB), .one(Self.prod)])
        let text = F.render(state).text
        #expect(text.contains("Environments") && text.contains("3 environments, one list"))
        F.press(&state, .down, .down, .down, .enter)  // prod
        #expect(state.scope == .one(Self.prod))
        #expect(state.sort == .oldest && state.search.query == "w")
        #expect(state.visible.map(\.environmentID) == [Self.prod, Self.prod, Self.prod])
        #expect(state.selected?.workID == F.workID(7), "the cursor is on the first row: the oldest")
        #expect(state.totalItems == 3 && !state.isMerged)
        let screen = F.render(state)
        #expect(!screen.text.contains("ENV "), "one environment: no ENV column")
        #expect(screen.textLines[0].contains("prod") && screen.textLines[0].contains("PRODUCTION"))
        // The production banner: the whole title row in its role.
        #expect(screen[screen.width - 1, 0].style.role == .bannerProduction)
        F.press(&state, .character("e"), .up, .up, .up, .enter)
        #expect(state.scope == .all && state.visible.count == 7 && state.sort == .oldest)
    }

    @Test("a stop from the merged view goes to the environment of the row, and the dialog names it")
    func stopNamesItsEnvironment() {
        var state = Self.loaded()
        F.press(&state, .down)  // stg/sim-b, work 3
        F.press(&state, .character("s"))
        let text = OverlayTests.boxText(F.render(state))
        #expect(text.contains("Stop \(F.workID(3)) in stg/sim-b?"))
        #expect(text.contains("env stg · sim-b (\(Self.stagingB))"))
        #expect(text.contains("profile staging"))
        let effects = state.apply(.key(.character("y")))
        #expect(effects == [.stop(environmentID: Self.stagingB, workID: F.workID(3), mode: .graceful)])
    }

    @Test("a production force stop needs the label typed: y, a wrong label and Enter send nothing")
    func productionNeedsTheLabel() {
        var state = Self.loaded()
        F.press(&state, .down, .down)  // prod, work 5
        F.press(&state, .character("S"))
        #expect(state.keyScope == .typedConfirm)
        var effects = state.apply(.key(.character("y")))
        effects += state.apply(.key(.enter))
        #expect(effects.isEmpty, "y only types a letter; Enter on the wrong text sends nothing")
        #expect(state.keyScope == .typedConfirm, "still open")
        let text = OverlayTests.boxText(F.render(state))
        #expect(text.contains("PRODUCTION") && text.contains("type prod"))
        F.press(&state, .backspace)
        _ = state.apply(.paste("pro"))
        F.press(&state, .character("d"))
        // The label is right; a production force stop also needs a reason: Enter asks for it.
        #expect(state.apply(.key(.enter)).isEmpty)
        #expect(state.keyScope == .reasonField)
        _ = state.apply(.paste("INC-1"))
        F.press(&state, .enter)
        effects = state.apply(.key(.enter))
        #expect(effects == [.stop(environmentID: Self.prod, workID: F.workID(5), mode: .force, note: StopNote(reason: "INC-1", record: false))])
        #expect(state.overlay == nil)
    }

    @Test("a graceful stop in production takes y as usual; Esc cancels a typed confirmation")
    func productionGracefulAndEscape() {
        var state = Self.loaded()
        F.press(&state, .down, .down, .character("S"), .character("p"), .escape)
        #expect(state.overlay == nil && state.stopsInFlight.isEmpty)
        F.press(&state, .character("s"))
        #expect(state.keyScope == .dialog)
        let effects = state.apply(.key(.character("y")))
        #expect(effects == [.stop(environmentID: Self.prod, workID: F.workID(5), mode: .graceful)])
    }

    @Test("more environments than header lines: the last line says how many more")
    func manyEnvironments() {
        let many = (1...12).map { WatchedEnvironment(id: "env_\($0)", name: "e\($0)", profile: "p", label: "p") }
        let size = Size(width: 120, height: 24)
        let state = AppState(options: .init(environments: many), size: size, now: F.now)
        #expect(state.layout.header.height == 8)
        let header = F.render(state).textLines.prefix(8)
        #expect(header.contains { $0.contains("+7 more environments") })
    }
}
