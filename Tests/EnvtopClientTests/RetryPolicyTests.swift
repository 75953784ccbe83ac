import Foundation
import Testing

@testable import EnvtopClient

@Suite("Retry policy (the SDK's _should_retry and _calculate_retry_timeout)")
struct RetryPolicyTests {
    let policy = RetryPolicy.sdkDefault

    @Test("408, 409, 429 and every 5xx are retried; other statuses are not")
    func retriedStatuses() {
        for status in [408, 409, 429, 500, 502, 503, 504, 529, 599] {
            #expect(RetryPolicy.shouldRetry(status: status, headers: [:]), "\(status)")
        }
        for status in [400, 401, 403, 404, 412, 413, 422] {
            #expect(!RetryPolicy.shouldRetry(status: status, headers: [:]), "\(status)")
        }
    }

    @Test("x-should-retry decides first, and only the exact words true and false count")
    func shouldRetryHeader() {
        #expect(RetryPolicy.shouldRetry(status: 400, headers: ["x-should-retry": "true"]))
        #expect(!RetryPolicy.shouldRetry(status: 503, headers: ["X-Should-Retry": "false"]))
        #expect(RetryPolicy.shouldRetry(status: 503, headers: ["x-should-retry": "False"]))
        #expect(!RetryPolicy.shouldRetry(status: 404, headers: ["x-should-retry": "yes"]))
    }

    @Test("the default schedule: two retries, 0.5 s doubling to at most 8 s, jitter takes off up to 25%")
    func defaultSchedule() {
        #expect(policy.maxRetries == 2)
        let noJitter = (0..<7).map { policy.backoff(retriesTaken: $0, random: 0) }
        #expect(noJitter == [0.5, 1, 2, 4, 8, 8, 8])
        let mostJitter = (0..<5).map { policy.backoff(retriesTaken: $0, random: 0.999_999) }
        for (value, full) in zip(mostJitter, noJitter) {
            #expect(abs(value - full * 0.75) < 0.0001)
        }
        #expect(policy.backoff(retriesTaken: 1, random: 0.5) == 0.875)
        #expect(policy.backoff(retriesTaken: 5_000, random: 0) == 8)
        #expect(ClientConfiguration().maxRetries == 2)
    }

    @Test("a positive retry-after wins over backoff and is capped as the SDK caps it")
    func retryAfterWins() {
        #expect(policy.delay(retriesTaken: 0, retryAfter: 3.25, random: 0.9) == 3.25)
        #expect(policy.delay(retriesTaken: 0, retryAfter: 30, random: 0) == 30)
        #expect(policy.delay(retriesTaken: 0, retryAfter: 1e12, random: 0) == 4_294_967)
        #expect(policy.delay(retriesTaken: 1, retryAfter: 0, random: 0) == 1)
        #expect(policy.delay(retriesTaken: 1, retryAfter: -5, random: 0) == 1)
        #expect(policy.delay(retriesTaken: 2, retryAfter: nil, random: 0) == 2)
        #expect(policy.delay(retriesTaken: 0, retryAfter: .nan, random: 0) == 0.5)
    }

    @Test("retry-after-ms, then retry-after seconds, then retry-after as a date")
    func retryAfterHeaders() {
        let now = Date(timeIntervalSince1970: 1_445_412_470)
        #expect(RetryAfter.seconds(from: ["retry-after-ms": "1500", "retry-after": "9"], now: now) == 1.5)
        #expect(RetryAfter.seconds(from: ["Retry-After-Ms": " 250.5 "], now: now) == 0.2505)
        #expect(RetryAfter.seconds(from: ["retry-after-ms": "soon", "retry-after": "2"], now: now) == 2)
        #expect(RetryAfter.seconds(from: ["retry-after": "1.5"], now: now) == 1.5)
        #expect(RetryAfter.seconds(from: ["retry-after": "0x10"], now: now) == nil)
        #expect(RetryAfter.seconds(from: ["retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"], now: now) == 10)
        #expect(RetryAfter.seconds(from: ["retry-after": "Wed, 21 Oct 2015 07:27:00 GMT"], now: now) == -50)
        #expect(RetryAfter.seconds(from: ["retry-after": "whenever"], now: now) == nil)
        #expect(RetryAfter.seconds(from: [:], now: now) == nil)
        // A zero retry-after-ms is still "the header parsed": retry-after is not consulted.
        #expect(RetryAfter.seconds(from: ["retry-after-ms": "0", "retry-after": "7"], now: now) == 0)
    }

    @Test("HTTP dates parse as Python's email.utils.parsedate_tz + mktime_tz do")
    func httpDates() {
        // Expected values computed with CPython 3.11's email.utils.
        let cases: [(String, Double?)] = [
            ("Sun, 06 Nov 1994 08:49:37 GMT", 784_111_777),
            ("Sunday, 06-Nov-94 08:49:37 GMT", 784_111_777),
            ("06 Nov 1994 08:49:37 +0130", 784_106_377),
            ("Sun, 06 Nov 1994 08:49:37 EST", 784_129_777),
            ("Thu, 01 Jan 70 00:00:00 UT", 0),
            ("1 January 2026 12:00 -0700", 1_767_294_000),
            ("Nov 06 1994 08:49:37 GMT", 784_111_777),
            ("Sun,06 Nov 1994 08:49:37 GMT", 784_111_777),
            ("soon", nil),
            ("Sun, 06 Nov 1994", nil),
        ]
        for (text, expected) in cases {
            #expect(HTTPDate.parse(text)?.timeIntervalSince1970 == expected, "\(text)")
        }
    }
}
