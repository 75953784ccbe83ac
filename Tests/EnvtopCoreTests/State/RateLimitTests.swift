import EnvtopCore
import EnvtopUI
import EnvtopModels
import Foundation
import Testing

/// A 429 (or 503) with `retry-after` is honoured up to `maxRetryAfter`, said in the header, and
/// never stops refreshing for good; `r` tries at once anyway.
@Suite("Rate limits")
struct RateLimitTests {
    typealias F = StateFixtures

    static func limited(_ seconds: Double) -> APIError {
        .http(status: 429, type: "rate_limit_error", message: "slow down", requestID: nil, details: nil, retryAfter: seconds)
    }

    /// Answers every effect of one cycle with `error`.
    static func fail(_ s: inout AppState, _ effects: [Effect], with error: APIError, at t: Date) {
        for effect in effects {
            switch effect {
            case .fetchStats(let env, let g):
                _ = s.apply(.statsLoaded(environmentID: env, generation: g, .failure(error), latency: 0, at: t))
            case .fetchPage(let r): _ = s.apply(.pageLoaded(r, .failure(error), at: t))
            default: break
            }
        }
    }

    @Test("retry-after: 86400 waits the 60 s cap, not a day; the header says until when; r tries now")
    func oneDayIsCapped() {
        var s = F.loaded([F.item(1)])
        let t = s.nextRefreshAt.addingTimeInterval(0.01)
        Self.fail(&s, s.apply(.tick(t)), with: Self.limited(86_400), at: t)
        #expect(abs(s.nextRefreshAt.timeIntervalSince(t) - 60) < 0.001)
        #expect(s.connection.rateLimitedUntil == s.nextRefreshAt)

        // Ticks before the cap send nothing.
        #expect(s.apply(.tick(t.addingTimeInterval(30))).isEmpty)
        let header = ViewFixtures.render(s).text
        let until = TimeFormatting.utc.clock(t.addingTimeInterval(60), now: t)
        #expect(header.contains("rate limited by the API until \(until) (r tries now)"))

        // r refreshes at once, rate limit or not.
        let manual = s.apply(.key(.character("r")))
        #expect(manual.contains { if case .fetchStats = $0 { true } else { false } })
    }

    @Test("retry-after: 20 is waited in full: no call 5 s after its own 429")
    func shortWaitIsHonoured() {
        var s = F.loaded([F.item(1)])
        let t = s.nextRefreshAt.addingTimeInterval(0.01)
        Self.fail(&s, s.apply(.tick(t)), with: Self.limited(20), at: t)
        #expect(s.apply(.tick(t.addingTimeInterval(5))).isEmpty)
        #expect(s.apply(.tick(t.addingTimeInterval(19.9))).isEmpty)
        #expect(!s.apply(.tick(t.addingTimeInterval(20.1))).isEmpty)
    }

    @Test("the cap is the config's max_retry_after; a good cycle clears the rate limit")
    func configuredCapAndRecovery() {
        var options = AppState.Options(environmentID: F.env, refreshInterval: 2)
        options.maxRetryAfter = 10
        var s = AppState(options: options, size: Size(width: 120, height: 40), now: F.t0)
        F.answer(&s, s.apply(.tick(F.t0)), pages: [[F.item(1)]])
        let t = s.nextRefreshAt.addingTimeInterval(0.01)
        Self.fail(&s, s.apply(.tick(t)), with: Self.limited(3_600), at: t)
        #expect(abs(s.nextRefreshAt.timeIntervalSince(t) - 10) < 0.001)
        let later = t.addingTimeInterval(10.1)
        F.answer(&s, s.apply(.tick(later)), pages: [[F.item(1)]])
        #expect(s.connection.rateLimitedUntil == nil)
        #expect(!s.connection.isStale)
    }
}

extension RateLimitTests {
    @Test("an answer over the size cap is not fetched again for max_retry_after; r still refreshes")
    func oversizedWaits() {
        var s = F.loaded([F.item(1)])
        let t = s.nextRefreshAt.addingTimeInterval(0.01)
        Self.fail(&s, s.apply(.tick(t)), with: .tooLarge(limitBytes: 32 * 1024 * 1024), at: t)
        #expect(abs(s.nextRefreshAt.timeIntervalSince(t) - 60) < 0.001)
        #expect(s.connection.rateLimitedUntil == nil, "not a rate limit: the header names the size")
        #expect(s.apply(.tick(t.addingTimeInterval(30))).isEmpty)
        let header = ViewFixtures.render(s).text
        #expect(header.contains("larger than 32 MiB"))
        #expect(!s.apply(.key(.character("r"))).isEmpty)
    }
}
