import EnvtopSimulator
import Foundation
import Testing

/// `GET /_sim/requests`: a standalone simulator tells a benchmark how many calls a client made.
@Suite("Request counts over HTTP")
struct RequestCountsTests {
    struct Counts: Decodable {
        var counts: [String: Int]
    }

    @Test("GET /_sim/requests answers the counts by route, the same as requestCounts()")
    func countsByRoute() async throws {
        try await TestServers.with(TestServers.quiet()) { server async throws in
            let env = server.environmentIDs[0]
            let worker = HTTPProbe(baseURL: server.baseURL, credential: TestServers.environmentKey)
            let admin = HTTPProbe(baseURL: server.baseURL, credential: nil, sendVersionHeaders: false)
            for _ in 0..<3 { #expect(try await worker.send("GET", "/v1/environments/\(env)/work/stats").status == 200) }
            #expect(try await worker.send("GET", "/v1/environments/\(env)/work?limit=5").status == 200)

            let answer = try await admin.send("GET", "/_sim/requests")
            #expect(answer.status == 200)
            let counts = try answer.decode(Counts.self).counts
            #expect(counts[SimulatorRoute.stats.rawValue] == 3)
            #expect(counts[SimulatorRoute.listWork.rawValue] == 1)
            #expect(counts[SimulatorRoute.stop.rawValue] == nil)
            // The call counts itself, like every other.
            #expect(counts[SimulatorRoute.adminRequestCounts.rawValue] == 1)
            #expect(await server.requestCounts() == counts)
        }
    }

    @Test("only GET: POST /_sim/requests is not a call")
    func onlyGet() async throws {
        try await TestServers.with(TestServers.quiet()) { server async throws in
            let admin = HTTPProbe(baseURL: server.baseURL, credential: nil, sendVersionHeaders: false)
            #expect(try await admin.send("POST", "/_sim/requests", body: "{}").status == 404)
        }
    }
}
