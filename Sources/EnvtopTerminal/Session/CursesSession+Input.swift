#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses
import EnvtopCore
import EnvtopUI

/// The poll loop and input reading of `CursesSession`, on the terminal thread.
extension CursesSession {
    /// Most `wget_wch` results one read takes before painting and stop requests get a turn.
    static let readBound = 4096

    /// Sleeps in poll() on the tty and the wake pipe; returns when stopped or torn down.
    func loop() {
        // A stop sent between `start()` returning and this first look is in this batch: honour
        // it here, or the loop would sleep in poll() with the stop already taken (a lost wakeup).
        guard runCommands(force: true) else { return }
        var fds = [
            pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: pipe.readFD, events: Int16(POLLIN), revents: 0),
        ]
        while !isTornDown {
            fds[0].fd = inputOpen ? inputFD : -1
            fds[0].revents = 0
            fds[1].revents = 0
            let ready = poll(&fds, 2, pollTimeout())
            if ready < 0 && errno != EINTR { break }
            if fds[1].revents & Int16(POLLIN) != 0 { handleWakeBytes(pipe.drain()) }
            if (fds[0].revents != 0 || inputBacklog) && !isTornDown {
                readInput(hangUp: fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0)
            }
            endIdlePaste()
            if isTornDown || !runCommands(force: false) { break }
        }
    }

    /// Forever (-1) while idle; 0 while curses may still hold input; the rest of the idle
    /// time while a paste waits for its end marker.
    private func pollTimeout() -> Int32 {
        if inputBacklog { return 0 }
        guard paste != nil else { return -1 }
        return Int32(clamping: max(0, pasteDeadline - Self.monotonicMilliseconds()))
    }

    /// Hands one input to the app (on this thread).
    func emit(_ input: TerminalInput) {
        guard !isTornDown else { return }
        onInput(input)
    }

    private func handleWakeBytes(_ bytes: [UInt8]) {
        var resized = false
        for byte in bytes where byte != WakePipe.wakeByte && !isTornDown {
            if Int32(byte) == SignalGuard.resizeSignal {
                resized = true
            } else if Int32(byte) == SIGTSTP {
                suspend()
            } else if Int32(byte) == SIGCONT {
                resume()
            } else {
                emit(.signal(Int32(byte)))
            }
        }
        if resized && !isTornDown { noteResize(askTerminal: true) }
    }

    /// Reads everything available (bounded), decoding as it goes.
    private func readInput(hangUp: Bool) {
        var value: wint_t = 0
        var count = 0
        var drained = false
        inputBacklog = false
        while count < Self.readBound {
            if isTornDown { return }
            let status = wget_wch(envtop_stdscr(), &value)
            if status == envtop_err() {
                drained = true
                break
            }
            count += 1
            let raw: RawKeyInput = status == envtop_key_code_yes() ? .keyCode(Int32(bitPattern: UInt32(value))) : .character(UInt32(value))
            if paste != nil {
                collectPaste(raw)
            } else {
                handle(raw)
            }
        }
        inputBacklog = !drained && !isTornDown
        if paste != nil && count > 0 {
            pasteDeadline = Self.monotonicMilliseconds() + PasteCollector.idleTimeoutMilliseconds
        }
        // The tty went away (hang-up) and nothing could be read: report it like SIGHUP, once,
        // and stop polling it so the loop does not spin. An open paste ends first.
        if hangUp && count == 0 && !isTornDown {
            inputOpen = false
            finishPaste()
            emit(.signal(SIGHUP))
        }
    }

    /// One input outside a paste.
    private func handle(_ raw: RawKeyInput) {
        if case .character(Self.suspendCharacter) = raw {
            suspend()
            return
        }
        switch KeyDecoder.decode(raw) {
        case .key(let key):
            emit(.key(key))
        case .sgrMouse:
            if let body = readReport(until: { $0 == "M" || $0 == "m" }, maxCount: 24),
                let mouse = MouseDecoder.decodeSGR(String(String.UnicodeScalarView(body)))
            {
                emit(.mouse(mouse))
            }
        case .x10Mouse:
            if let bytes = readReport(until: nil, maxCount: 3),
                let mouse = MouseDecoder.decodeX10(button: bytes[0].value, x: bytes[1].value, y: bytes[2].value)
            {
                emit(.mouse(mouse))
            }
        case .pasteStart:
            paste = PasteCollector()
        case .resize:
            noteResize(askTerminal: false)
        case .pasteEnd, .ignored:
            break
        }
    }

    /// One input inside a paste: text for the collector; a resize still counts as a resize.
    private func collectPaste(_ raw: RawKeyInput) {
        if case .keyCode(let code) = raw, code == envtop_key_resize() {
            noteResize(askTerminal: false)
            return
        }
        if let text = paste?.feed(raw, spelling: ExtraKeySequences.spelling(of:)) {
            paste = nil
            emit(.paste(text))
        }
    }

    /// Ends an open paste whose end marker did not come within the idle time.
    private func endIdlePaste() {
        guard paste != nil, !isTornDown, !inputBacklog, Self.monotonicMilliseconds() >= pasteDeadline else { return }
        finishPaste()
    }

    /// Reports an open paste as it is (its end marker never came).
    private func finishPaste() {
        guard let collected = paste else { return }
        paste = nil
        emit(.paste(collected.text))
    }

    /// The rest of a mouse report after its prefix: up to the terminator (or exactly
    /// `maxCount` characters without one). Terminals send a report in one write, but a slow
    /// link can split it, so a missing tail is waited for briefly (at most 3 x 30 ms).
    private func readReport(until isTerminator: ((Unicode.Scalar) -> Bool)?, maxCount: Int) -> [Unicode.Scalar]? {
        var scalars: [Unicode.Scalar] = []
        var value: wint_t = 0
        var waits = 0
        while scalars.count < maxCount {
            let status = wget_wch(envtop_stdscr(), &value)
            if status == envtop_err() {
                guard waits < 3 else { return nil }
                waits += 1
                var fd = pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)
                _ = poll(&fd, 1, 30)
                continue
            }
            guard status != envtop_key_code_yes(), let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
            scalars.append(scalar)
            if let isTerminator, isTerminator(scalar) { return scalars }
        }
        return isTerminator == nil ? scalars : nil
    }

    /// Milliseconds on a monotonic clock.
    static func monotonicMilliseconds() -> Int {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int(spec.tv_sec) * 1000 + Int(spec.tv_nsec) / 1_000_000
    }
}
