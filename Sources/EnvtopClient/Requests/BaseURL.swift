/// The parsed `ANTHROPIC_BASE_URL`: scheme, host, port and an optional path prefix.
struct BaseURL: Sendable, Hashable {
    let scheme: String
    /// Without IPv6 brackets.
    let host: String
    let port: Int?
    /// No trailing slash; empty for an origin.
    let pathPrefix: String

    /// Accepts `http` and `https` URLs only; a failure names the setting, not its value.
    static func parse(_ text: String) -> BaseURL? {
        guard let schemeEnd = text.firstRange(of: "://") else { return nil }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        var rest = text[schemeEnd.upperBound...]
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var path = String(rest[authorityEnd...])
        while path.hasSuffix("/") { path.removeLast() }
        guard !authority.contains("@") else { return nil }
        var host: Substring
        var port: Int?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") {
                guard let p = Int(after.dropFirst()), (1...65535).contains(p) else { return nil }
                port = p
            } else if !after.isEmpty {
                return nil
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            guard let p = Int(authority[authority.index(after: colon)...]), (1...65535).contains(p) else {
                return nil
            }
            port = p
        } else {
            host = authority
        }
        guard !host.isEmpty else { return nil }
        return BaseURL(scheme: scheme, host: String(host), port: port, pathPrefix: path)
    }

    /// The origin as it goes on the wire.
    var origin: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(shownHost)" + (port.map { ":\($0)" } ?? "")
    }

    /// The full URL of an API path (which starts with `/`) and its already encoded query.
    func url(path: String, query: String) -> String {
        origin + pathPrefix + path + (query.isEmpty ? "" : "?" + query)
    }
}
