#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The proxy variables, read and applied as curl reads and applies them.
///
/// For an `https` URL curl reads `https_proxy`, then `HTTPS_PROXY`; for `http` it reads only the
/// lower-case `http_proxy` (curl ignores `HTTP_PROXY` on purpose, since a web server's CGI
/// environment can set it from a request header); then `all_proxy`, then `ALL_PROXY`. The first
/// non-empty one wins, unless the host is in `no_proxy` (or else `NO_PROXY`).
public struct ProxyEnvironment: Sendable, Hashable {
    /// A variable's value and its name, for messages.
    public struct Setting: Sendable, Hashable {
        public var value: String
        public var variable: String

        public init(_ value: String, variable: String) {
            self.value = value
            self.variable = variable
        }
    }

    public var httpProxy: Setting?
    public var httpsProxy: Setting?
    public var allProxy: Setting?
    public var noProxy: Setting?

    /// No proxy at all: the default, so tests and `--simulate` never pick up the machine's proxy.
    public static let none = ProxyEnvironment()

    public init(
        httpProxy: Setting? = nil, httpsProxy: Setting? = nil, allProxy: Setting? = nil,
        noProxy: Setting? = nil
    ) {
        self.httpProxy = httpProxy
        self.httpsProxy = httpsProxy
        self.allProxy = allProxy
        self.noProxy = noProxy
    }

    public static func fromEnvironment(
        _ env: [String: String] = ProcessInfo.processInfo.environment
    ) -> ProxyEnvironment {
        func first(_ names: String...) -> Setting? {
            for name in names {
                if let value = env[name], !value.isEmpty { return Setting(value, variable: name) }
            }
            return nil
        }
        return ProxyEnvironment(
            httpProxy: first("http_proxy"),
            httpsProxy: first("https_proxy", "HTTPS_PROXY"),
            allProxy: first("all_proxy", "ALL_PROXY"),
            noProxy: first("no_proxy", "NO_PROXY"))
    }

    /// What to do for a URL with this scheme and host (host without port).
    public func decision(scheme: String, host: String) -> ProxyDecision {
        if let noProxy, NoProxyList(noProxy.value).matches(host: host) { return .direct }
        let specific = scheme.lowercased() == "https" ? httpsProxy : httpProxy
        guard let setting = specific ?? allProxy else { return .direct }
        switch ProxyServer.parse(setting.value, variable: setting.variable) {
        case .success(let server): return .proxy(server)
        case .failure(let why): return .unusable(why.description)
        }
    }
}

/// How requests to one base URL travel.
public enum ProxyDecision: Sendable, Hashable {
    case direct
    case proxy(ProxyServer)
    /// A proxy is configured but cannot be used; every call fails with this reason.
    case unusable(String)
}
