import EnvtopClient
import EnvtopModels
import Foundation
import Testing

/// Answers that try to outlast or outgrow the client: a body trickled a byte at a time ends at
/// the request timeout, and an answer past the size cap is refused once, not fetched again.
@Suite("Body limits")
struct BodyLimitTests {
    @Test("a body trickled one byte every 200 ms is abandoned at the request timeout")
    func trickledBody() async throws {
        var reply = ScriptedServer.Reply.json(workItemJSON())
        reply.trickleMilliseconds = 200
        try await withScriptedServer([reply]) { server in
            try await withClient(testConfiguration(server.baseURL, retries: 0, requestTimeout: .seconds(1))) { client in
                let started = ContinuousClock.now
                let error = await apiError { () async throws(APIError) in
                    try await client.getWork(environmentID: "e", workID: "w")
                }
                guard case .timedOut = error else {
                    Issue.record("expected a timeout, got \(String(describing: error))")
                    return
                }
                // Each byte arrives well inside the read timeout; only a whole-request deadline ends
                // it. Without one the body would take minutes; the margin is for a loaded machine.
                #expect(ContinuousClock.now - started < .seconds(20))
            }
        }
    }

    @Test("an answer over the size cap is an error in plain words, sent once, not retried")
    func oversizedAnswer() async throws {
        var reply = ScriptedServer.Reply.json(#"{"data":[],"next_page":null}"#)
        reply.paddingBytes = 3 * 1024 * 1024
        try await withScriptedServer([reply]) { server in
            var configuration = testConfiguration(server.baseURL, retries: 2)
            configuration.maxResponseBytes = 2 * 1024 * 1024
            try await withClient(configuration) { client in
                let error = await apiError { () async throws(APIError) in
                    _ = try await client.listWork(environmentID: "e", limit: 10, page: nil)
                }
                #expect(error == .tooLarge(limitBytes: 2 * 1024 * 1024))
                #expect(error?.description.contains("larger than 2 MiB") == true)
            }
            #expect(server.received.count == 1, "not fetched again")
        }
    }

    @Test("the default cap is 32 MiB")
    func defaultCap() {
        #expect(ClientConfiguration().maxResponseBytes == 32 * 1024 * 1024)
    }
}
