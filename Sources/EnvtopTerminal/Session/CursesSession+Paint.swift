import CNcurses
import EnvtopCore
import EnvtopUI

/// Resizes and painting of `CursesSession`, on the terminal thread.
extension CursesSession {
    /// A resize: from SIGWINCH (ask the tty, tell curses) or from curses' own KEY_RESIZE.
    func noteResize(askTerminal: Bool) {
        guard !isTornDown else { return }
        if askTerminal, let actual = TerminalPreflight.windowSize(fd: outputFD), actual.width > 0, actual.height > 0 {
            if actual.width != Int(envtop_cols()) || actual.height != Int(envtop_lines()) {
                _ = resizeterm(Int32(actual.height), Int32(actual.width))
            }
        }
        let current = Size(width: Int(envtop_cols()), height: Int(envtop_lines()))
        guard current != size else { return }
        size = current
        shared.withLock { $0.size = current }
        // Repaint what we have at the new size now; the app sends a frame of the new size next.
        paint(full: true)
        emit(.resize(current))
    }

    /// Carries out the queued commands in order, painting once for all the frames, themes and
    /// repaints among them (before any write or bell, so those land after what preceded them).
    /// Returns false when the loop must end.
    @discardableResult
    func runCommands(force: Bool) -> Bool {
        let commands = shared.withLock { $0.takeCommands() }
        var full = force
        var due = force
        for command in commands {
            switch command {
            case .present(let frame):
                latestFrame = frame
                due = true
            case .setTheme(let theme):
                painter?.setTheme(theme)
                full = true
                due = true
            case .repaint:
                full = true
                due = true
            case .write(let bytes):
                if due { paint(full: full) }
                (full, due) = (false, false)
                writeToTerminal(bytes)
            case .bell:
                if due { paint(full: full) }
                (full, due) = (false, false)
                writeToTerminal(Self.bellBytes)
            case .stop:
                return false
            }
        }
        if due { paint(full: full) }
        return true
    }

    /// BEL: the terminal's own bell (audible or visual, as its user set it up).
    static let bellBytes: [UInt8] = [0x07]

    func paint(full: Bool) {
        guard let painter, !isTornDown else { return }
        let window = envtop_stdscr()
        if full {
            // erase(), not clear(): clear() would also clear on every later refresh; clearok
            // asks for one clean redraw on this flush only (curs_clear(3X)).
            _ = werase(window)
            _ = clearok(window, true)
            lastPainted = nil
        }
        guard let frame = latestFrame else {
            if full { flush(glyphs: 0, full: true) }
            return
        }
        let plan = PaintPlan(previous: lastPainted, next: frame, visible: size)
        lastPainted = frame
        if plan.isEmpty && !full { return }
        painter.paint(plan)
        flush(glyphs: plan.glyphCount, full: full)
    }

    private func flush(glyphs: Int, full: Bool) {
        _ = wnoutrefresh(envtop_stdscr())
        _ = doupdate()
        shared.withLock { state in
            state.statistics.frames += 1
            state.statistics.glyphs += glyphs
            if full { state.statistics.fullRepaints += 1 }
        }
    }
}
