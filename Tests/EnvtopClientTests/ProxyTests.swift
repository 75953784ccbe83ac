import Testing

@testable import EnvtopClient

@Suite("Proxy variables, as curl reads them")
struct ProxyTests {
    @Test("https reads https_proxy, then HTTPS_PROXY, then all_proxy / ALL_PROXY")
    func httpsPrecedence() {
        let both = ProxyEnvironment.fromEnvironment(["https_proxy": "lower:1", "HTTPS_PROXY": "upper:2"])
        #expect(both.decision(scheme: "https", host: "api.anthropic.com") == .proxy(server("lower", 1)))
        let upper = ProxyEnvironment.fromEnvironment(["https_proxy": "", "HTTPS_PROXY": "upper:2"])
        #expect(upper.decision(scheme: "https", host: "api.anthropic.com") == .proxy(server("upper", 2)))
        let all = ProxyEnvironment.fromEnvironment(["ALL_PROXY": "everything:3"])
        #expect(all.decision(scheme: "https", host: "api.anthropic.com") == .proxy(server("everything", 3)))
        #expect(ProxyEnvironment.fromEnvironment([:]).decision(scheme: "https", host: "x") == .direct)
    }

    @Test("http reads only lower-case http_proxy: curl ignores HTTP_PROXY")
    func httpLowerOnly() {
        let upper = ProxyEnvironment.fromEnvironment(["HTTP_PROXY": "upper:2"])
        #expect(upper.decision(scheme: "http", host: "sim.local") == .direct)
        let lower = ProxyEnvironment.fromEnvironment(["http_proxy": "http://lower:8080", "HTTPS_PROXY": "s:1"])
        #expect(lower.decision(scheme: "http", host: "sim.local") == .proxy(server("lower", 8080)))
        #expect(lower.decision(scheme: "https", host: "sim.local") == .proxy(server("s", 1)))
    }

    @Test("NO_PROXY / no_proxy exempt hosts, lower case first")
    func noProxyVariable() {
        let env = ProxyEnvironment.fromEnvironment([
            "HTTPS_PROXY": "proxy:3128", "no_proxy": "internal.example", "NO_PROXY": "api.anthropic.com",
        ])
        #expect(env.decision(scheme: "https", host: "svc.internal.example") == .direct)
        #expect(env.decision(scheme: "https", host: "api.anthropic.com") == .proxy(server("proxy", 3128)))
        #expect(ProxyEnvironment.fromEnvironment(["HTTPS_PROXY": "p:1", "NO_PROXY": "*"])
            .decision(scheme: "https", host: "anything") == .direct)
    }

    @Test("proxy URLs: bare host, host:port, scheme, credentials, IPv6, default port 1080")
    func proxyURLs() throws {
        #expect(try ProxyServer.parse("proxy", variable: "V").get() == server("proxy", 1080))
        #expect(try ProxyServer.parse("proxy:3128", variable: "V").get() == server("proxy", 3128))
        #expect(try ProxyServer.parse("http://proxy:3128/", variable: "V").get() == server("proxy", 3128))
        #expect(try ProxyServer.parse("HTTP://[fd00::1]:8080", variable: "V").get() == server("fd00::1", 8080))
        let socks = try ProxyServer.parse("socks5h://gate:1081", variable: "V").get()
        #expect(socks.kind == .socks5)
        let authed = try ProxyServer.parse("http://ops%40corp:p%3Ass@proxy:8080", variable: "V").get()
        #expect(authed.username == "ops@corp")
        #expect(authed.password?.value == "p:ss")
        #expect(authed.description == "http://proxy:8080 (with credentials)")
        #expect(!String(describing: authed).contains("p:ss"))
        #expect(!String(reflecting: authed).contains("p%3Ass"))
    }

    @Test("proxies envtop cannot use are reported, never silently bypassed, and never echoed")
    func unusable() {
        for (value, why) in [
            ("https://user:hunter2@proxy:443", "https:// proxy"), ("socks4://proxy", "socks4:// proxy"),
            ("gopher://proxy", "unknown scheme gopher://"), ("http://:8080", "does not name a proxy host"),
            ("socks5://user:hunter2@proxy", "SOCKS5 proxy with a user name"),
        ] {
            let decision = ProxyEnvironment(httpsProxy: .init(value, variable: "HTTPS_PROXY"))
                .decision(scheme: "https", host: "api.anthropic.com")
            guard case .unusable(let message) = decision else {
                Issue.record("\(value) should be unusable, got \(decision)")
                continue
            }
            #expect(message.contains("HTTPS_PROXY"))
            #expect(message.contains(why), "\(message)")
            #expect(!message.contains("hunter2"))
        }
    }

    private func server(_ host: String, _ port: Int) -> ProxyServer {
        ProxyServer(kind: .http, host: host, port: port, username: nil, password: nil)
    }
}

@Suite("NO_PROXY matching (curl's lib/noproxy.c)")
struct NoProxyListTests {
    @Test("a lone * matches every host; * inside a list is just a name")
    func star() {
        #expect(NoProxyList("*").matches(host: "api.anthropic.com"))
        #expect(NoProxyList("*").matches(host: "10.0.0.1"))
        #expect(!NoProxyList("*, example.com").matches(host: "api.anthropic.com"))
    }

    @Test("bare domain and leading-dot entries match the domain and its subdomains, not look-alikes")
    func domains() {
        let list = NoProxyList("example.com, .corp.internal")
        #expect(list.matches(host: "example.com"))
        #expect(list.matches(host: "api.example.com"))
        #expect(list.matches(host: "API.Example.COM"))
        #expect(!list.matches(host: "notexample.com"))
        #expect(!list.matches(host: "example.com.evil.net"))
        #expect(list.matches(host: "corp.internal"))
        #expect(list.matches(host: "svc.corp.internal"))
        #expect(list.matches(host: "example.com."))
        #expect(NoProxyList("example.com.").matches(host: "www.example.com"))
    }

    @Test("ports take no part: the host is matched without its port, an entry with one never matches")
    func ports() {
        #expect(NoProxyList("local.com").matches(host: "local.com"))
        #expect(!NoProxyList("local.com:8080").matches(host: "local.com"))
    }

    @Test("IP hosts match IP entries and CIDR ranges only")
    func addresses() {
        let list = NoProxyList("10.0.0.0/8, 192.168.1.7, fd00::/8")
        #expect(list.matches(host: "10.20.30.40"))
        #expect(!list.matches(host: "11.0.0.1"))
        #expect(list.matches(host: "192.168.1.7"))
        #expect(!list.matches(host: "192.168.1.8"))
        #expect(list.matches(host: "fd12::1"))
        #expect(list.matches(host: "[fd12::1]"))
        #expect(!list.matches(host: "fe80::1"))
        #expect(NoProxyList("::1").matches(host: "::1"))
        #expect(!NoProxyList("10.0.0.0/33").matches(host: "10.0.0.1"))
        #expect(NoProxyList("10.1.2.3/0").matches(host: "10.1.2.3"))
        #expect(!NoProxyList("10.1.2.3/0").matches(host: "10.1.2.4"))
        #expect(!NoProxyList("localhost").matches(host: "127.0.0.1"))
    }

    @Test("loopback is not special: it bypasses the proxy only when listed")
    func loopback() {
        #expect(!NoProxyList("example.com").matches(host: "localhost"))
        #expect(!NoProxyList("example.com").matches(host: "127.0.0.1"))
        #expect(NoProxyList("localhost,127.0.0.1").matches(host: "localhost"))
        #expect(NoProxyList("localhost,127.0.0.1").matches(host: "127.0.0.1"))
    }

    @Test("entries split on commas with optional blanks; blanks without a comma end the list")
    func splitting() {
        #expect(NoProxyList(" a.com ,, b.com,\tc.com ").tokens() == ["a.com", "b.com", "c.com"])
        #expect(NoProxyList("a.com b.com").tokens() == ["a.com"])
        #expect(NoProxyList("").tokens() == [])
        #expect(!NoProxyList("").matches(host: "a.com"))
    }
}
