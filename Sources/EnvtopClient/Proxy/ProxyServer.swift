#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A proxy named by a `*_proxy` variable, parsed as curl parses it.
///
/// `host`, `host:port` and `scheme://[user[:password]@]host[:port][/]` are accepted; without a
/// scheme the proxy speaks HTTP, and without a port curl's default 1080 applies. AsyncHTTPClient
/// can tunnel through an HTTP proxy (with basic auth) or a SOCKS5 proxy (without auth); an
/// `https://` or `socks4` proxy is reported as unusable rather than silently bypassed.
public struct ProxyServer: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case http
        case socks5
    }

    public let kind: Kind
    public let host: String
    public let port: Int
    let username: String?
    let password: Credential?

    public var hasCredentials: Bool { username != nil }

    /// Never shows the user or password.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(kind.rawValue)://\(shownHost):\(port)" + (hasCredentials ? " (with credentials)" : "")
    }

    public static let defaultPort = 1080

    /// Parses `text` from `variable`; a failure says why without echoing the value.
    public static func parse(_ text: String, variable: String) -> Result<ProxyServer, ProxyProblem> {
        var rest = Substring(text.trimmed())
        var kind = Kind.http
        if let range = rest.firstRange(of: "://") {
            let scheme = rest[..<range.lowerBound].lowercased()
            rest = rest[range.upperBound...]
            switch scheme {
            case "http": kind = .http
            case "socks5", "socks5h": kind = .socks5
            case "https", "socks4", "socks4a":
                return .failure(.init("\(variable) names a \(scheme):// proxy, which envtop cannot use; use http:// or socks5://"))
            default:
                return .failure(.init("\(variable) names a proxy with the unknown scheme \(scheme)://"))
            }
        }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        var username: String?
        var password: Credential?
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
            let parts = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            username = Self.percentDecoded(parts[0])
            if parts.count == 2 { password = Credential(Self.percentDecoded(parts[1])) }
            if kind == .socks5 {
                return .failure(.init("\(variable) names a SOCKS5 proxy with a user name, which envtop cannot use"))
            }
        }
        guard let (host, port) = hostAndPort(rest) else {
            return .failure(.init("\(variable) does not name a proxy host"))
        }
        return .success(
            ProxyServer(kind: kind, host: host, port: port ?? defaultPort, username: username, password: password))
    }

    private static func hostAndPort(_ text: Substring) -> (String, Int?)? {
        var host: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { return nil }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            host = text
        }
        guard !host.isEmpty else { return nil }
        guard let portText, !portText.isEmpty else { return (String(host), nil) }
        guard let port = Int(portText), (1...65535).contains(port) else { return nil }
        return (String(host), port)
    }

    /// `%40` -> `@` in a proxy URL's user name or password; the text as given when it is not
    /// valid percent-encoding or not UTF-8 once decoded.
    static func percentDecoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var utf8 = text.utf8[...]
        while let byte = utf8.popFirst() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) else {
                return String(text)
            }
            bytes.append(value)
            utf8 = utf8.dropFirst(2)
        }
        return String(validating: bytes, as: UTF8.self) ?? String(text)
    }
}
