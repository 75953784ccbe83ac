import Foundation

/// Messages for the operator outside the dashboard (before it starts or after it ends).
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("envtop: " + message + "\n").utf8))
    }
}
