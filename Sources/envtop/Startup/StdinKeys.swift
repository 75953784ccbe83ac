import EnvtopRuntime
import EnvtopClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `--api-key-stdin`: keys for a script that must not put them in a variable or an argument
/// (a process listing shows both). A bare line is the API key; `ANTHROPIC_API_KEY=…`,
/// `ANTHROPIC_ENVIRONMENT_KEY=…` or `ANTHROPIC_AUTH_TOKEN=…` lines set those keys.
enum StdinKeys {
    static let names = [Credentials.apiKeyVariable, Credentials.environmentKeyVariable, Credentials.authTokenVariable]

    static func read() throws(StartupError) -> [String: String] {
        let data = (try? RawIO.readAll(RawIO.standardInput).get()) ?? []
        return try parse(String(decoding: data, as: UTF8.self))
    }

    static func parse(_ text: String) throws(StartupError) -> [String: String] {
        var keys: [String: String] = [:]
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmed()
            if line.isEmpty { continue }
            if let equals = line.firstIndex(of: "="), names.contains(String(line[..<equals])) {
                keys[String(line[..<equals])] = String(line[line.index(after: equals)...])
            } else if line.contains("=") && line.hasPrefix("ANTHROPIC_") {
                // Never echo the line: it may hold a key.
                throw StartupError(.usage, "--api-key-stdin: line \(n + 1) names no key envtop reads (\(names.joined(separator: ", ")))")
            } else if keys[Credentials.apiKeyVariable] == nil {
                keys[Credentials.apiKeyVariable] = line
            } else {
                throw StartupError(.usage, "--api-key-stdin: line \(n + 1): a second bare key; name it (ANTHROPIC_ENVIRONMENT_KEY=…)")
            }
        }
        if keys.isEmpty { throw StartupError(.usage, "--api-key-stdin: stdin held no key") }
        return keys
    }
}
