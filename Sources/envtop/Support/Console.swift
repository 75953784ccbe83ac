import EnvtopRuntime
import EnvtopCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Messages for the operator outside the dashboard (before it starts or after it ends).
enum Console {
    /// One message on stderr. Its lines may quote a server (an error message, a name): escape
    /// sequences in them are shown, never obeyed (an OSC could set the title or the clipboard).
    static func error(_ message: String) {
        let safe = message.split(separator: "\n", omittingEmptySubsequences: false).map { SafeText.visible(String($0)) }
        let text = "envtop: " + safe.joined(separator: "\n") + "\n"
        RawIO.write(text, to: RawIO.standardError)
    }
}
