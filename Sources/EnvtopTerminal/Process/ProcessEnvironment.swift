#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few environment variables the terminal layer reads, without Foundation.
enum ProcessEnvironment {
    static let names = ["TERM", "COLORTERM", "NO_COLOR"]

    static func current() -> [String: String] {
        var environment: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }
}
