import CNcurses
import EnvtopCore

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

    /// Takes the shared requests and paints. Returns false when the loop must end.
    @discardableResult
    func paintPending(force: Bool) -> Bool {
        let work = shared.withLock { $0.takeWork() }
        if work.stop { return false }
        var full = force || work.fullRepaint
        if let theme = work.theme {
            painter?.setTheme(theme)
            full = true
        }
        if let frame = work.frame { latestFrame = frame }
        if full || work.frame != nil { paint(full: full) }
        return true
    }

    private func paint(full: Bool) {
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
