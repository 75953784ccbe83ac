#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A `NO_PROXY` list, matched as curl matches it (`lib/noproxy.c`, curl 7.86 and later).
///
/// Entries are separated by commas (blanks around them are allowed). A lone `*` matches every
/// host. A host name matches an entry equal to it or ending in `.` + entry; a leading dot on the
/// entry is ignored, as are trailing dots, and case does not matter. An IP address host matches
/// only IP entries, optionally in CIDR form (`10.0.0.0/8`, `fd00::/8`). Ports play no part: the
/// host is matched without its port, and an entry carrying one (`example.com:8080`) never matches.
/// Loopback is not special: `localhost` or `127.0.0.1` bypass the proxy only when listed.
public struct NoProxyList: Sendable, Hashable {
    public let raw: String

    public init(_ raw: String) { self.raw = raw }

    /// True when requests to `host` (no port; IPv6 with or without brackets) go direct.
    public func matches(host rawHost: String) -> Bool {
        guard !rawHost.isEmpty, !raw.isEmpty else { return false }
        if raw == "*" { return true }
        var host = rawHost
        let kind: HostKind
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            host = String(host[host.index(after: host.startIndex)..<close])
            kind = .ipv6
        } else if IPAddress.v4(host) != nil {
            kind = .ipv4
        } else if host.contains(":"), IPAddress.v6(host) != nil {
            kind = .ipv6
        } else {
            kind = .name
            if host.hasSuffix(".") { host.removeLast() }
        }
        return tokens().contains { token in
            switch kind {
            case .name: Self.nameMatches(host: host, token: token)
            case .ipv4, .ipv6: Self.addressMatches(host: host, token: token, v6: kind == .ipv6)
            }
        }
    }

    private enum HostKind { case name, ipv4, ipv6 }

    /// The entries, split as curl does: blanks end an entry, and anything after blanks that is
    /// not a comma ends the whole list.
    func tokens() -> [String] {
        var result: [String] = []
        var rest = Substring(raw)
        func isBlank(_ c: Character) -> Bool { c == " " || c == "\t" }
        while !rest.isEmpty {
            rest = rest.drop(while: isBlank)
            let token = rest.prefix { !isBlank($0) && $0 != "," }
            if !token.isEmpty { result.append(String(token)) }
            rest = rest.dropFirst(token.count).drop(while: isBlank)
            guard rest.first == "," else { break }
            rest = rest.drop { $0 == "," }
        }
        return result
    }

    private static func nameMatches(host: String, token raw: String) -> Bool {
        var token = Substring(raw)
        if token.hasSuffix(".") { token = token.dropLast() }
        if token.hasPrefix(".") { token = token.dropFirst() }
        let host = host.lowercased()
        let entry = token.lowercased()
        guard !entry.isEmpty || host.isEmpty else { return false }
        if entry.count == host.count { return entry == host }
        return entry.count < host.count && host.hasSuffix("." + entry)
    }

    private static func addressMatches(host: String, token: String, v6: Bool) -> Bool {
        var network = Substring(token)
        var bits: Int?
        if let slash = token.firstIndex(of: "/") {
            network = token[..<slash]
            bits = Int(token[token.index(after: slash)...]) ?? 0
        }
        if v6 {
            guard let address = IPAddress.v6(host), let check = IPAddress.v6(String(network)) else { return false }
            let prefix = bits ?? 0
            return IPAddress.prefixMatches(address, check, bits: prefix == 0 ? 128 : prefix)
        }
        guard let address = IPAddress.v4(host), let check = IPAddress.v4(String(network)) else { return false }
        let prefix = bits ?? 32
        guard prefix <= 32 else { return false }
        return IPAddress.prefixMatches(address, check, bits: prefix == 0 ? 32 : prefix)
    }
}
