/// What `--once`, `envtop list` and `envtop stats` print: `text` for people, the others for
/// scripts (`jsonl`: one JSON object a line; `csv`: RFC 4180 with a header row).
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, jsonl, csv
}
