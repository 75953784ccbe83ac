import EnvtopCore
import Testing

/// `runbook:` and `bell:` in the config file: read at the top level and per profile, with the
/// file and line of each mistake.
@Suite("Config: runbook thresholds and the bell")
struct RunbookConfigTests {
    let file = "/home/op/.config/envtop/config.yaml"

    func problem(_ text: String) -> String { configProblem(text, file: file) }

    @Test("top-level thresholds and bell: off; a profile's own runbook wins key by key")
    func readAndMerged() throws {
        let config = try EnvtopConfig.parse("""
            bell: off
            runbook:
              stalled_claim_seconds: 45
              backlog_age_seconds: 600
            profiles:
              prod:
                base_url: http://127.0.0.1:8080
                runbook:
                  backlog_age_seconds: 120
              staging:
                base_url: http://127.0.0.1:8081
            """, file: file)
        #expect(config.bell == false)
        #expect(config.runbook == RunbookConfig(stalledClaimSeconds: 45, backlogAgeSeconds: 600))
        let prod = try #require(config.profiles.first { $0.name == "prod" })
        let staging = try #require(config.profiles.first { $0.name == "staging" })
        let p = RunbookConfig.thresholds(profile: prod.runbook, file: config.runbook)
        #expect(p == RunbookThresholds(stalledClaimSeconds: 45, backlogAgeSeconds: 120, backlogGrowingSeconds: 180))
        let s = RunbookConfig.thresholds(profile: staging.runbook, file: config.runbook)
        #expect(s == RunbookThresholds(stalledClaimSeconds: 45, backlogAgeSeconds: 600, backlogGrowingSeconds: 180))
        let settings = EnvtopSettings.merge(commandLine: EnvtopConfig(), file: config)
        #expect(settings.bell == false)
        #expect(EnvtopSettings.merge(commandLine: EnvtopConfig(), file: EnvtopConfig()).bell == true)
    }

    @Test("mistakes name the file, the line and the key")
    func mistakes() {
        #expect(problem("runbook:\n  stalled_claim: 30\n")
            == "\(file):2: unknown key 'runbook.stalled_claim' (did you mean 'stalled_claim_seconds'?)")
        #expect(problem("runbook:\n  backlog_age_seconds: soon\n") == "\(file):2: runbook.backlog_age_seconds must be a number (got 'soon')")
        #expect(problem("runbook:\n  backlog_growing_seconds: 5\n")
            == "\(file):2: runbook.backlog_growing_seconds must be at least 10 (got 5)")
        #expect(problem("bell: loud\n") == "\(file):1: bell must be true or false (got 'loud')")
        #expect(problem("batch_stops_per_second: 0.1\n") == "\(file):1: batch_stops_per_second must be at least 0.2 (got 0.1)")
        #expect(EnvtopSettings.merge(commandLine: EnvtopConfig(), file: (try? EnvtopConfig.parse("batch_stops_per_second: 2\n", file: file)) ?? EnvtopConfig()).batchStopsPerSecond == 2)
        #expect(problem("""
            profiles:
              prod:
                base_url: http://127.0.0.1:8080
                runbook:
                  stalled_claim_seconds: 0
            """) == "\(file):5: profile 'prod': runbook.stalled_claim_seconds must be at least 1 (got 0)")
    }

    @Test("a lease TTL in the config moves the drain-overdue time with it, unless it is set too")
    func drainFollowsLease() {
        let short = EnvtopSettings.merge(commandLine: EnvtopConfig(), file: EnvtopConfig(leaseTTLSeconds: 20))
        #expect(short.thresholds.stoppingGraceSeconds == 15)  // a 10 s beat plus 5 s
        let set = EnvtopSettings.merge(commandLine: EnvtopConfig(), file: EnvtopConfig(leaseTTLSeconds: 20, stoppingGraceSeconds: 60))
        #expect(set.thresholds.stoppingGraceSeconds == 60)
    }

    @Test("allow: names the actions a profile permits; an unknown one is an error at its line")
    func allowList() throws {
        let config = try EnvtopConfig.parse("""
            profiles:
              prod:
                base_url: http://127.0.0.1:8080
                allow: [stop]
              staging:
                base_url: http://127.0.0.1:8081
            """, file: file)
        #expect(config.profiles.first { $0.name == "prod" }?.allow == [.stop])
        #expect(config.profiles.first { $0.name == "staging" }?.allow == Set(Permission.allCases))
        #expect(problem("""
            profiles:
              prod:
                base_url: http://127.0.0.1:8080
                allow:
                  - stop
                  - force-stop
            """) == "\(file):6: profile 'prod': allow: unknown action 'force-stop' (did you mean 'force_stop'?) (actions: stop, force_stop, update_metadata)")
    }

    @Test("record_reason: true in a profile; a value that is not a boolean is an error at its line")
    func recordReason() throws {
        let config = try EnvtopConfig.parse("""
            profiles:
              prod:
                base_url: http://127.0.0.1:8080
                record_reason: true
              staging:
                base_url: http://127.0.0.1:8081
            """, file: file)
        #expect(config.profiles.first { $0.name == "prod" }?.recordReason == true)
        #expect(config.profiles.first { $0.name == "staging" }?.recordReason == false)
        #expect(problem("""
            profiles:
              prod:
                base_url: http://127.0.0.1:8080
                record_reason: sometimes
            """).hasPrefix("\(file):4:"))
    }
}
