import EnvtopCore
import EnvtopUI
import EnvtopModels
import EnvtopRuntime
import EnvtopTesting
import Foundation
import Testing

/// The live loop, driven through its real inputs: keys in, a fake API behind, frames out.
@Suite("DashboardRuntime with a fake API")
struct DashboardRuntimeTests {
    @Test("keys still draw while every API call hangs")
    func keysAnswerWhileTheAPIHangs() async {
        let api = FakeDashboardAPI(items: FakeWork.items(1...5))
        await api.reply(.hang)
        let harness = RuntimeHarness(api: api)
        // The first refresh cycle is out and held: stats and the first page.
        #expect(await eventually {
            let stats = await api.heldCount(.stats)
            let pages = await api.heldCount(.listWork)
            return stats == 1 && pages == 1
        })

        let before = harness.screen.frames.count
        harness.type("?")
        #expect(await harness.frame(skipping: before, showing: "Help: every key") != nil)
        let afterHelp = harness.screen.frames.count
        harness.type("?")
        #expect(await harness.screen.frame(skipping: afterHelp) { !$0.text.contains("Help: every key") } != nil)
        #expect(await api.heldCount() == 2)
        await harness.finish()
    }

    @Test("a held reply never overlaps a newer cycle: it lands first, and the newer data wins")
    func heldReplyCannotOverwriteNewerData() async {
        let api = FakeDashboardAPI(items: FakeWork.items(1...5))
        let harness = RuntimeHarness(api: api)
        #expect(await harness.frame(showing: "5 total") != nil)

        // The next list call is held with the 5 items it saw; then the server drops to 3.
        await api.replyOnce(.hang, to: .listWork)
        harness.type("r")
        #expect(await eventually { await api.heldCount(.listWork) == 1 })
        await api.serve(FakeWork.items(1...3))
        // Asking again while that cycle is out starts nothing new: refreshes never overlap.
        let pressed = harness.screen.frames.count
        harness.type("rr")
        _ = await harness.screen.frame(skipping: pressed + 1) { _ in true }
        #expect(await api.calls(to: .listWork).count == 2)

        // Released late, the old reply completes its own cycle, then the one asked for runs.
        await api.release(.listWork)
        #expect(await eventually { await api.calls(to: .listWork).count == 3 })
        #expect(await harness.frame(showing: "3 total") != nil)
        #expect(await api.heldCount() == 0)
        #expect(harness.screen.lastFrame?.text.contains("3 total") == true)
        await harness.finish()
    }

    @Test("after a reset (40 items, then 10) the screen counts 10 and shows none of the others")
    func reconcilesAfterAReset() async throws {
        let api = FakeDashboardAPI(items: FakeWork.items(1...40))
        let harness = RuntimeHarness(api: api)
        #expect(await harness.frame(showing: "40 total", "work_0001") != nil)

        await api.serve(FakeWork.items(1...10))
        harness.type("r")
        // This cycle finds 30 gone (shown one refresh as gone); the next one no longer shows them.
        #expect(await harness.frame(showing: "10 total") != nil)
        let removed = (11...40).map { String(format: "work_%04d", $0) }
        let settled = harness.screen.frames.count
        harness.type("r")
        let frame = try #require(await harness.screen.frame(skipping: settled) { frame in
            let text = frame.text
            return text.contains("10 total") && !removed.contains(where: text.contains)
        })
        #expect(frame.text.contains("work_0001"))
        #expect(await api.calls(to: .listWork).count >= 3)
        await harness.finish()
    }

    @Test("S y S y S y sends one stop while the first is on its way")
    func stopSentOnce() async {
        let api = FakeDashboardAPI(items: FakeWork.items(1...3))
        await api.reply(.hang, to: [.stopWork])
        let harness = RuntimeHarness(api: api)
        #expect(await harness.frame(showing: "3 total", "work_0001") != nil)

        let before = harness.screen.frames.count
        harness.type("SySySy")
        // Every key draws a frame: the sixth means all six were handled.
        #expect(await harness.screen.frame(skipping: before + 5) { _ in true } != nil)
        #expect(await eventually { await api.calls(to: .stopWork).count == 1 })
        try? await Task.sleep(for: .milliseconds(50))  // room for a wrong second call to show up
        #expect(await api.calls(to: .stopWork).count == 1)
        await harness.finish()
    }

    @Test("t changes the theme through the screen queue and names it on the status line")
    func themeCycles() async {
        let api = FakeDashboardAPI(items: FakeWork.items(1...2))
        let harness = RuntimeHarness(api: api, themes: [.default, .monochrome])
        #expect(await harness.frame(showing: "2 total") != nil)

        harness.type("t")
        #expect(await harness.frame(showing: Theme.monochrome.name) != nil)
        harness.type("t")
        #expect(await eventually { harness.screen.commands.filter(\.isSetTheme).count == 2 })
        let themes = harness.screen.commands.compactMap { if case .setTheme(let theme) = $0 { theme } else { nil } }
        #expect(themes.map(\.name) == [Theme.monochrome.name, Theme.default.name])
        // The theme goes out before the frame that reports it.
        let commands = harness.screen.commands
        let themeIndex = commands.firstIndex(where: \.isSetTheme) ?? .max
        #expect(commands.dropFirst(themeIndex).contains { if case .present = $0 { true } else { false } })
        await harness.finish()
    }

    @Test("a quit signal ends the run")
    func signalQuits() async {
        let api = FakeDashboardAPI(items: FakeWork.items(1...2))
        let harness = RuntimeHarness(api: api)
        #expect(await harness.frame(showing: "2 total") != nil)
        harness.input.yield(.signal(15))
        await harness.run.value
        await api.releaseAll()
    }
}

extension TerminalCommand {
    var isSetTheme: Bool {
        if case .setTheme = self { return true }
        return false
    }
}

extension DashboardRuntimeTests {
    @Test("one dead environment of three: the other two keep refreshing, their new items appear, keys answer")
    func oneDeadEnvironmentOfThree() async {
        let envs = ["env_alpha", "env_bravo", "env_charlie"]
        let api = FakeDashboardAPI(
            items: FakeWork.items(1...2, environment: envs[0]) + FakeWork.items(3...4, environment: envs[1])
                + FakeWork.items(5...6, environment: envs[2]))
        let harness = RuntimeHarness(api: api, environments: envs, refresh: 0.5)
        #expect(await harness.frame(showing: "6 total") != nil)

        // Bravo dies; alpha and charlie each get a new item.
        await api.takeDown(envs[1])
        await api.serve(
            FakeWork.items(1...2, environment: envs[0]) + [FakeWork.item(7, environment: envs[0])]
                + FakeWork.items(3...4, environment: envs[1])
                + FakeWork.items(5...6, environment: envs[2]) + [FakeWork.item(8, environment: envs[2])])
        #expect(await harness.frame(showing: "work_0007", "work_0008") != nil)
        // Bravo's last good items stay listed; only its own feed is failing.
        #expect(await eventually(within: .seconds(10)) {
            await api.calls(to: .stats).filter { $0.environmentID == envs[1] }.count >= 2
        })
        let frame = harness.screen.lastFrame?.text ?? ""
        #expect(frame.contains("work_0003") && frame.contains("work_0004"))

        // Keys still answer at once.
        let before = harness.screen.frames.count
        harness.type("?")
        #expect(await harness.frame(skipping: before, showing: "Help: every key") != nil)
        await harness.finish()
    }
}
