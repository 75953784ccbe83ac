/// Plausible user metadata for simulated items, plus the awkward cases a dashboard must survive.
enum MetadataPool {
    static let repos = ["acme/api", "acme/web", "acme/infra", "tools/cli", "data/pipeline", "ml/trainer"]
    static let branches = ["main", "release/2.4", "fix/login-timeout", "feat/billing-v2", "chore/deps"]
    static let people = ["ana", "bo", "chen", "dara", "eli", "fatima", "goran", "hana"]
    static let tasks = ["triage", "review", "refactor", "backfill", "migrate", "investigate"]

    static func typical(using random: inout SplitMix64) -> [String: String] {
        var metadata = ["repo": repos.randomElement(using: &random)!]
        if random.chance(0.7) { metadata["branch"] = branches.randomElement(using: &random)! }
        if random.chance(0.6) { metadata["requested_by"] = people.randomElement(using: &random)! }
        if random.chance(0.4) { metadata["task"] = tasks.randomElement(using: &random)! }
        if random.chance(0.2) { metadata["ticket"] = "ENG-\(Int.random(in: 1000...9999, using: &random))" }
        return metadata
    }

    /// Many keys and a long value, for the detail pane's wrapping and scrolling.
    static let long: [String: String] = [
        "repo": "acme/monorepo", "branch": "feat/very-long-branch-name-that-keeps-going-and-going",
        "requested_by": "release-bot", "task": "nightly-regression", "ticket": "ENG-4821",
        "pipeline": "nightly", "region": "eu-west-1", "priority": "high", "attempt": "3",
        "prompt_summary": String(
            repeating: "Investigate the flaky integration test in the payments service and propose a fix. ",
            count: 4),
    ]

    /// An escape sequence, a newline, a wide CJK string and an emoji: all must be shown inert.
    static let hostile: [String: String] = [
        "title": "\u{1b}[31mred\u{1b}[0m alert\u{07}",
        "note": "line one\nline two\r\nline three",
        "team": "数据平台团队",
        "mood": "🔥🚀 shipping",
        "tab\tkey": "tab\tvalue",
    ]
}
