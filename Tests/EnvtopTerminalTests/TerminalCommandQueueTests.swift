import EnvtopCore
import EnvtopUI
import Testing

@testable import EnvtopTerminal

/// The queue between the app and the terminal thread, without a terminal.
@Suite("Terminal command queue")
struct TerminalCommandQueueTests {
    static func frame(_ label: String) -> Screen {
        var screen = Screen(size: Size(width: 20, height: 2))
        screen.write(label, x: 0, y: 0)
        return screen
    }

    @Test("a frame replaces a frame still waiting, and moves behind what was sent before it")
    func framesCoalesce() {
        var queue = TerminalCommandQueue()
        let replaced = [
            queue.append(.present(Self.frame("one"))), queue.append(.bell),
            queue.append(.present(Self.frame("two"))), queue.append(.present(Self.frame("three"))),
        ]
        #expect(replaced == [false, false, true, true])
        let first = queue.drain()
        #expect(first == [.bell, .present(Self.frame("three"))])
        let second = queue.drain()
        #expect(second.isEmpty)
    }

    @Test("writes, bells, themes and repaints keep their order around frames")
    func orderKept() {
        var queue = TerminalCommandQueue()
        let sequence: [TerminalCommand] = [
            .setTheme(.monochrome), .present(Self.frame("a")), .write([0x1B, 0x5D]), .bell, .repaint,
            .write([0x41]), .bell,
        ]
        for command in sequence { queue.append(command) }
        let drained = queue.drain()
        #expect(drained == sequence)
    }

    @Test("the newest theme asked for is the one a later start uses")
    func latestTheme() {
        var queue = TerminalCommandQueue()
        #expect(queue.latestTheme == nil)
        queue.append(.setTheme(.monochrome))
        queue.append(.present(Self.frame("a")))
        queue.append(.setTheme(.default))
        #expect(queue.latestTheme == .default)
    }

    @Test("the shared state counts replaced and taken frames, and drops everything after stop")
    func sharedState() {
        var state = TerminalSharedState(size: Size(width: 20, height: 2))
        state.phase = .running
        // Only the first command since the last take needs a wake byte.
        let wakes = [
            state.enqueue(.present(Self.frame("one"))), state.enqueue(.present(Self.frame("two"))),
            state.enqueue(.bell),
        ]
        #expect(wakes == [true, false, false])
        #expect(state.statistics.coalesced == 1)
        let taken = state.takeCommands()
        #expect(taken == [.present(Self.frame("two")), .bell])
        #expect(state.statistics.presented == 1)

        let stopWakes = [state.enqueue(.stop), state.enqueue(.bell)]
        #expect(stopWakes == [true, false])
        #expect(state.stopRequested)
        let afterStop = state.takeCommands()
        #expect(afterStop == [.stop])
    }

    @Test("before start, commands wait without a wake byte")
    func beforeStart() {
        var state = TerminalSharedState(size: Size(width: 20, height: 2))
        let wake = state.enqueue(.present(Self.frame("early")))
        #expect(!wake)
        #expect(state.queue.commands == [.present(Self.frame("early"))])
    }
}
