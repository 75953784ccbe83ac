#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#endif

/// Checks on the files envtop reads and writes on an ops box, where a directory may be shared:
/// a config others can write could send the keys elsewhere, a huge file must not be read whole,
/// and a log must be a private regular file of ours (a FIFO would hang the start, someone else's
/// file would receive our lines).
enum SafeFiles {
    /// The most a config or theme file may hold: far beyond any real one.
    static let maxTextBytes = 1 << 20

    /// Why `path` must not be read as a config or theme, or nil. `requirePrivate`: no other user
    /// may write it (a config decides where the keys go).
    static func readProblem(_ path: String, requirePrivate: Bool) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }  // missing: the caller says so
        if info.st_mode & S_IFMT != S_IFREG { return "not a regular file" }
        if info.st_size > maxTextBytes {
            return "too large (\(info.st_size) bytes; at most \(maxTextBytes / 1024) KiB)"
        }
        guard requirePrivate else { return nil }
        let mode = String(info.st_mode & 0o777, radix: 8)
        if info.st_mode & 0o002 != 0 {
            return "writable by every user (mode \(mode)): anyone could point base_url elsewhere "
                + "and receive your keys; chmod o-w it"
        }
        if info.st_mode & 0o020 != 0 {
            return "writable by its group (mode \(mode)): anyone in it could point base_url elsewhere "
                + "and receive your keys; chmod g-w it"
        }
        // As ssh does: yours, or root's (a config installed for everyone), and nobody else's.
        if info.st_uid != geteuid() && info.st_uid != 0 {
            return "owned by another user (uid \(info.st_uid)), who could point base_url elsewhere and receive your keys"
        }
        return nil
    }

    /// Why the log at `path` must not be written, or nil; a log of ours with a loose mode is
    /// tightened to 0600.
    static func logProblem(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }  // created 0600 when first written
        if info.st_mode & S_IFMT != S_IFREG { return "not a regular file (a FIFO, a device or a link would not be a private log)" }
        if info.st_uid != geteuid() { return "owned by another user" }
        if info.st_mode & 0o077 != 0 { _ = chmod(path, 0o600) }
        return nil
    }

    /// `https://user:secret@host/…` → `https://***@host/…`: a URL safe for a log line.
    static func redactingUserInfo(_ url: String) -> String {
        guard let scheme = url.firstRange(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") else { return url }
        let slash = url[scheme.upperBound...].firstIndex(of: "/") ?? url.endIndex
        guard at < slash else { return url }
        return String(url[..<scheme.upperBound]) + "***" + String(url[at...])
    }
}
