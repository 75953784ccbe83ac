#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EnvtopCore
import EnvtopUI

@testable import EnvtopTerminal

/// Collects what a terminal reports, for tests to wait on.
final class InputRecorder: @unchecked Sendable {
    private let inputs = Locked<[TerminalInput]>([])

    var all: [TerminalInput] { inputs.withLock { $0 } }

    func record(_ input: TerminalInput) { inputs.withLock { $0.append(input) } }

    /// Waits (bounded) until at least `count` inputs arrived; returns them.
    func wait(count: Int, limit: Int = 3000) -> [TerminalInput] {
        let deadline = PseudoTerminal.Clock.now + limit
        while PseudoTerminal.Clock.now < deadline {
            let current = all
            if current.count >= count { return current }
            usleep(2000)
        }
        return all
    }

    func reset() { inputs.withLock { $0.removeAll() } }
}

/// Waits (bounded) until `condition` holds.
@discardableResult
func eventually(limit: Int = 3000, _ condition: () -> Bool) -> Bool {
    let deadline = PseudoTerminal.Clock.now + limit
    while PseudoTerminal.Clock.now < deadline {
        if condition() { return true }
        usleep(2000)
    }
    return condition()
}

/// Options that drive a pseudo-terminal and leave the test process's signals and streams alone.
/// A terminal on `pty` (default options) whose every input lands in the returned recorder:
/// the set-up the pty input tests share. The caller starts and stops it.
func recordingTerminal(_ pty: PseudoTerminal) -> (CursesTerminal, InputRecorder) {
    let recorder = InputRecorder()
    let terminal = CursesTerminal(theme: .default, colorDepth: nil, logFile: nil, options: ptyOptions(pty)) {
        recorder.record($0)
    }
    return (terminal, recorder)
}

func ptyOptions(_ pty: PseudoTerminal, term: String = "xterm-256color", environment: [String: String] = [:]) -> TerminalOptions {
    var options = TerminalOptions()
    options.inputFD = pty.secondary
    options.outputFD = pty.secondary
    options.term = term
    options.environment = environment
    options.handlesSignals = false
    options.capturesStandardStreams = false
    return options
}

/// The parameters of every SGR sequence (`ESC [ … m`) in the output.
func sgrParameters(_ bytes: [UInt8]) -> [[Int]] {
    var result: [[Int]] = []
    var i = 0
    while i + 1 < bytes.count {
        guard bytes[i] == 0x1B, bytes[i + 1] == UInt8(ascii: "[") else {
            i += 1
            continue
        }
        var j = i + 2
        while j < bytes.count, (0x30...0x3F).contains(bytes[j]) { j += 1 }
        if j < bytes.count, bytes[j] == UInt8(ascii: "m") {
            let body = String(decoding: bytes[(i + 2)..<j], as: UTF8.self)
            result.append(body.split(whereSeparator: { $0 == ";" || $0 == ":" }).compactMap { Int($0) })
        }
        i = j
    }
    return result
}

/// True when some SGR sets a foreground or background colour.
func setsColor(_ bytes: [UInt8]) -> Bool {
    sgrParameters(bytes).contains { params in
        params.contains { (30...38).contains($0) || (40...48).contains($0) || (90...97).contains($0) || (100...107).contains($0) }
    }
}

/// A dashboard-like frame: a header with a clock at the right, and some rows.
func sampleFrame(size: Size, clock: String = "12:00:00", rows: Int = 5) -> Screen {
    var screen = Screen(size: size)
    screen.fill(Rect(x: 0, y: 0, width: size.width, height: 1), style: CellStyle(.header))
    screen.write("envtop  env_demo  queued 3  active 2", x: 0, y: 0, style: CellStyle(.headerValue))
    screen.write(clock, x: size.width - clock.count, y: 0, style: CellStyle(.headerLabel))
    for row in 0..<rows {
        screen.write("work_\(row)  active  session_\(row)", x: 0, y: 2 + row, style: CellStyle(row == 0 ? .selection : .row))
    }
    return screen
}
