import EnvtopCore

/// What the app's threads and the terminal thread share, always under one lock.
///
/// The app side only stores requests (the newest frame, a theme, flags) and pokes the wake
/// pipe; the terminal thread takes them in one go, so a burst of frames costs one paint.
struct TerminalSharedState {
    enum Phase: Sendable, Equatable {
        case idle, starting, running, stopped
    }

    var phase: Phase = .idle
    var size: Size
    var theme: Theme
    var themeChanged = false
    var frame: Screen?
    var fullRepaint = false
    var stopRequested = false
    /// A wake byte is in the pipe and not yet consumed: no need to write another.
    var wakePending = false
    var colorDepth: ColorDepth?
    var statistics = PaintStatistics()

    /// The requests the terminal thread acts on next, taken out of the shared state.
    struct Work {
        var stop: Bool
        var theme: Theme?
        var frame: Screen?
        var fullRepaint: Bool
    }

    mutating func takeWork() -> Work {
        if frame != nil { statistics.presented += 1 }
        let work = Work(stop: stopRequested, theme: themeChanged ? theme : nil, frame: frame, fullRepaint: fullRepaint)
        wakePending = false
        themeChanged = false
        frame = nil
        fullRepaint = false
        return work
    }
}
