import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 that answers from a script and records what it received.
///
/// For the answers the simulator cannot give (an unknown state, a `retry-after` date, a stalled
/// body, an echoed key) and for checking the exact bytes of requests. One thread, one connection
/// at a time, `connection: close` on every answer; every wait is bounded.
final class ScriptedServer: @unchecked Sendable {
    struct Reply: Sendable {
        var status: Int = 200
        var headers: [(String, String)] = [("content-type", "application/json")]
        var body: String = "{}"
        /// Wait this long before answering (bounded; the server stops waiting on `stop()`).
        var delayMilliseconds: Int = 0
        /// Send the head, then wait this long before the body.
        var bodyDelayMilliseconds: Int = 0
        /// Close the connection without answering.
        var drop: Bool = false
        /// Send the body one byte at a time, this long apart (a trickling server).
        var trickleMilliseconds: Int = 0
        /// Spaces after the body (still JSON), to make an answer as large as wanted.
        var paddingBytes: Int = 0

        static func json(_ body: String, status: Int = 200, headers: [(String, String)] = []) -> Reply {
            Reply(status: status, headers: [("content-type", "application/json")] + headers, body: body)
        }
    }

    struct Received: Sendable {
        let method: String
        /// The request target as sent: `/path?query`, or an absolute URL through a proxy.
        let target: String
        let headers: [(name: String, value: String)]
        let body: String

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// Every value of a header, in order.
        func headerValues(_ name: String) -> [String] {
            headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
        }
    }

    let port: Int
    var baseURL: String { "http://127.0.0.1:\(port)" }

    private let listener: Int32
    private let lock = NSLock()
    private var replies: [Reply]
    private var log: [Received] = []
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    /// The n-th request gets `replies[n]`; once the script runs out, the last reply repeats.
    init(_ replies: [Reply]) throws {
        precondition(!replies.isEmpty)
        self.replies = replies
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: actual.sin_port))
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    convenience init(_ reply: Reply) throws { try self.init([reply]) }

    var received: [Received] {
        lock.lock()
        defer { lock.unlock() }
        return log
    }

    /// Stops accepting, ends any wait, and returns once the serving thread is gone (at most ~2 s).
    func stop() {
        lock.lock()
        let first = !stopped
        stopped = true
        lock.unlock()
        guard first else { return }
        _ = finished.wait(timeout: .now() + 2)
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Accepts until stopped, looking at the stop flag every 20 ms; closes the listener at the end.
    private func serve() {
        defer {
            close(listener)
            finished.signal()
        }
        while !isStopped {
            var watch = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&watch, 1, 20) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            if connection < 0 { continue }
            handle(connection)
            close(connection)
        }
    }

    private func handle(_ connection: Int32) {
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard var request = readRequest(connection) else { return }
        if request.method == "CONNECT" {
            // Act as an HTTP proxy: open the tunnel, then answer the request sent through it.
            record(request)
            write(connection, Array("HTTP/1.1 200 Connection established\r\n\r\n".utf8))
            guard let tunneled = readRequest(connection) else { return }
            request = tunneled
        }
        let reply = record(request)
        if reply.drop { return }
        pause(reply.delayMilliseconds)
        var head = "HTTP/1.1 \(reply.status) Scripted\r\n"
        let body = Array(reply.body.utf8) + [UInt8](repeating: 0x20, count: reply.paddingBytes)
        for (name, value) in reply.headers { head += "\(name): \(value)\r\n" }
        head += "content-length: \(body.count)\r\nconnection: close\r\n\r\n"
        write(connection, Array(head.utf8))
        pause(reply.bodyDelayMilliseconds)
        guard reply.trickleMilliseconds > 0 else {
            write(connection, body)
            return
        }
        for byte in body where !isStopped {
            write(connection, [byte])
            pause(reply.trickleMilliseconds)
        }
    }

    /// Logs a request and returns the scripted reply for it (a CONNECT uses none).
    @discardableResult
    private func record(_ request: Received) -> Reply {
        lock.lock()
        defer { lock.unlock() }
        let answered = log.filter { $0.method != "CONNECT" }.count
        log.append(request)
        return replies[min(answered, replies.count - 1)]
    }

    private func pause(_ milliseconds: Int) {
        var left = milliseconds
        while left > 0 && !isStopped {
            usleep(10_000)
            left -= 10
        }
    }

    private func write(_ connection: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if sent <= 0 { return }
            offset += sent
        }
    }

    private func readRequest(_ connection: Int32) -> Received? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let separator: [UInt8] = [13, 10, 13, 10]
        var headEnd: Int?
        while headEnd == nil {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { return nil }
            data += buffer[0..<count]
            headEnd = data.indices.dropLast(3).first { Array(data[$0..<($0 + 4)]) == separator }
            if data.count > 1_000_000 { return nil }
        }
        let head = String(decoding: data[0..<headEnd!], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        var body = Array(data[(headEnd! + 4)...])
        while body.count < length {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { break }
            body += buffer[0..<count]
        }
        return Received(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers,
            body: String(decoding: body, as: UTF8.self))
    }
}
