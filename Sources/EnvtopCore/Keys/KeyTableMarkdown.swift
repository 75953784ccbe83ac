#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The README's key table, generated from `KeyMap.bindings` so the documentation cannot drift
/// from what the keys do (`envtop keys --markdown` prints it; a test compares it with README.md).
public enum KeyTableMarkdown {
    /// The markers around the generated table in README.md.
    public static let beginMarker = "<!-- keys:begin -->"
    public static let endMarker = "<!-- keys:end -->"

    /// One small table per scope, in `KeyScope` order, bindings in table order.
    public static func render(_ bindings: [Binding] = KeyMap.bindings) -> String {
        var blocks: [String] = []
        for scope in KeyScope.allCases {
            let rows = bindings.filter { $0.scope == scope }
            guard !rows.isEmpty else { continue }
            var lines = ["**\(scope.rawValue)**\(note(for: scope))", "", "| Keys | Action |", "| --- | --- |"]
            for binding in rows {
                let keys = binding.keys.map { "`\(cell($0.description))`" }.joined(separator: " ")
                let action = cell(binding.help) + (binding.isDestructive ? "; off with `--read-only`" : "")
                lines.append("| \(keys) | \(action) |")
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// The table as it sits in README.md, markers included.
    public static func section(_ bindings: [Binding] = KeyMap.bindings) -> String {
        beginMarker + "\n" + render(bindings) + endMarker
    }

    /// What lies between the markers in `document`, or nil when a marker is missing.
    public static func extract(from document: String) -> String? {
        extract(from: document, between: beginMarker, and: endMarker)
    }

    /// What lies between two markers in `document` (a generated README section), or nil when one
    /// is missing; the newline after the first marker is not part of it.
    public static func extract(from document: String, between beginMarker: String, and endMarker: String) -> String? {
        guard let begin = document.firstRange(of: beginMarker),
              let end = document[begin.upperBound...].firstRange(of: endMarker)
        else { return nil }
        var body = document[begin.upperBound..<end.lowerBound]
        if body.hasPrefix("\n") { body = body.dropFirst() }
        return String(body)
    }

    private static func note(for scope: KeyScope) -> String {
        switch scope {
        case .global: " (in the list and the detail pane)"
        case .search, .dialog, .typedConfirm, .switcher, .filterMenu, .help, .metadataEditor, .metadataField, .reasonField: " (while it is open, it takes every key)"
        case .list, .detail: ""
        }
    }

    /// A table cell: a `|` would end the cell early.
    private static func cell(_ text: String) -> String {
        text.replacing("|", with: "\\|")
    }
}
