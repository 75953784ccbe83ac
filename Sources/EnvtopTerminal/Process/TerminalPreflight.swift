#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses
import EnvtopCore
import EnvtopUI

/// Checks before curses starts, so a bad setup gets a plain message and a non-zero exit
/// instead of a garbled screen: stdin and stdout are ttys, TERM is set and terminfo knows it
/// (and it can place the cursor), and the window is large enough.
public enum TerminalPreflight {
    /// The smallest window the dashboard is usable in (columns x rows).
    public static let defaultMinimumSize = Size(width: 40, height: 10)

    /// Checks the process's own stdin, stdout and environment.
    public static func check(minimumSize: Size = defaultMinimumSize) -> TerminalError? {
        check(input: 0, output: 1, environment: ProcessEnvironment.current(), minimumSize: minimumSize)
    }

    /// Checks the given descriptors and environment (the `TERM` entry).
    public static func check(
        input: Int32, output: Int32, environment: [String: String], minimumSize: Size = defaultMinimumSize
    ) -> TerminalError? {
        guard isatty(input) == 1, isatty(output) == 1 else { return .notATerminal }
        let term = environment["TERM"] ?? ""
        guard let entry = TerminfoProbe.entry(for: term, fd: output), entry.canAddressCursor else {
            return .unusableTerm(term)
        }
        // 0x0 means the tty does not know its size (a serial line): curses then uses terminfo.
        if let size = windowSize(fd: output), size.width > 0, size.height > 0,
            size.width < minimumSize.width || size.height < minimumSize.height
        {
            return .tooSmall(size, minimum: minimumSize)
        }
        return nil
    }

    /// The size of the tty behind `fd`, or nil when it is not a tty.
    public static func windowSize(fd: Int32) -> Size? {
        var rows: Int32 = 0
        var cols: Int32 = 0
        guard envtop_window_size(fd, &rows, &cols) == 0 else { return nil }
        return Size(width: Int(cols), height: Int(rows))
    }
}
