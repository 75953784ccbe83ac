#if canImport(Glibc)
import Glibc
#endif

/// Keeps the Swift runtime's crash backtracer from waiting on the operator's terminal.
///
/// On a crash with a terminal on standard input the backtracer asks "Press space to interact,
/// D to debug, or any other key to quit" and waits 30 s, holding the shell. Its settings are
/// read once, before `main`, from `SWIFT_BACKTRACE`; so when that is unset and standard input
/// is a terminal, envtop sets it and executes itself again (a few milliseconds, once). An
/// operator's or developer's own `SWIFT_BACKTRACE` is left alone.
enum QuietBacktrace {
    static let variable = "SWIFT_BACKTRACE"
    /// Not interactive; addresses without symbol lookup (the release binary is stripped, and
    /// looking symbols up in a debug build takes seconds while the shell waits); the report to
    /// standard error, which the dashboard sends to its log.
    static let settings = "interactive=no,color=no,symbolicate=no,output-to=stderr"

    static func reexecIfNeeded() {
        guard getenv(variable) == nil, isatty(0) == 1 else { return }
        // The real path, not /proc/self/exe: the process name (ps, top, pgrep) comes from it.
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0, setenv(variable, settings, 1) == 0 else { return }
        execv(buffer, CommandLine.unsafeArgv)
        // Not possible here (no /proc): run on with the runtime's defaults.
        unsetenv(variable)
    }
}
