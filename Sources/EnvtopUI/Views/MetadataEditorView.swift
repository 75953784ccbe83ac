import EnvtopCore
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `m`: the metadata editor. Every key with its value, new and deleted ones marked; the field
/// being typed; the merge patch before it is sent; and why the last step was refused. Plain
/// inputs, built by `DashboardView.metadataEditor`.
struct MetadataEditorView: Widget, Sendable, Equatable {
    var title: [Span]
    var rows: [[Span]]
    var selected: Int
    /// The field line, the review, the problem: below the rows.
    var below: [[Span]]
    var footer: String

    func render(in area: Rect, on screen: inout Screen) {
        let width = min(area.width - 4, 100)
        let height = min(area.height - 2, rows.count + below.count + 5)
        let rect = area.centered(width: width, height: height)
        let inner = Box.draw(rect, into: &screen, style: .normal, borderStyle: CellStyle(.border), title: title)
        // Rows scroll to keep the selection in view above the lines below them.
        let room = max(1, inner.height - 2 - below.count - (below.isEmpty ? 0 : 1))
        let first = max(0, min(selected - room + 1, rows.count - room))
        for (offset, row) in rows.dropFirst(first).prefix(room).enumerated() {
            let y = inner.y + 1 + offset
            let isSelected = first + offset == selected
            if isSelected {
                screen.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: CellStyle(.selection))
                screen.write(StateBadge.selectionMarker, x: inner.x, y: y, maxWidth: 1, style: CellStyle(.selection, .bold))
            }
            let spans = isSelected ? row.map { span in Span(span.text, .selection, span.style.attributes) } : row
            SpanWriter.write(spans, x: inner.x + 2, y: y, maxWidth: inner.width - 3, into: &screen)
        }
        var y = inner.y + 2 + min(room, rows.count)
        for line in below where y < inner.maxY {
            SpanWriter.write(line, x: inner.x + 1, y: y, maxWidth: inner.width - 2, into: &screen)
            y += 1
        }
        if rect.width > SafeText.width(footer) + 4 {
            screen.write(footer, x: rect.x + 2, y: rect.maxY - 1, maxWidth: rect.width - 4, style: CellStyle(.border))
        }
    }
}

extension DashboardView {
    static func metadataEditor(_ state: AppState, _ editor: MetadataEditor) -> MetadataEditorView {
        let map = state.options.keys
        let edit = map.key(.menuSelect, .metadataEditor)
        let add = map.key(.metadataAdd, .metadataEditor)
        let delete = map.key(.metadataDelete, .metadataEditor)
        let review = map.key(.metadataReview, .metadataEditor)
        let send = map.key(.dialogConfirm, .metadataEditor)
        let close = map.key(.close, .metadataEditor)
        let keys = editor.keys
        let keyWidth = min(24, max(8, keys.map { SafeText.width($0) }.max() ?? 8))
        var rows: [[Span]] = keys.map { key in
            let pad = String(repeating: " ", count: max(0, keyWidth - SafeText.width(key)))
            let name = Span(key + pad + "  ", .detailLabel, .bold)
            guard let value = editor.draft[key] else {
                return [name, Span(editor.original[key] ?? "", .dim), Span("  (deleted)", .destructive, .bold)]
            }
            switch editor.original[key] {
            case nil: return [name, Span(value, .detailValue), Span("  (new)", .changed, .bold)]
            case value: return [name, Span(value, .detailValue)]
            default: return [name, Span(value, .detailValue), Span("  (was \(editor.original[key]!))", .changed)]
            }
        }
        rows.append([Span("+ add a key", .dim)])
        var below: [[Span]] = []
        switch editor.stage {
        case .key:
            below.append([Span("new key: ", .dialog, .bold), Span(editor.field.text, .search), Span("█", .search)])
        case .value(let key):
            below.append([Span("\(key) = ", .dialog, .bold), Span(editor.field.text, .search), Span("█", .search)])
        case .preview, .sending:
            below.append([Span("Patch for \(editor.ref.workID): ", .detailLabel, .bold), Span(patchJSON(editor.patch), .detailValue, .bold)])
            below.append(
                editor.stage == .sending
                    ? [Span("Sending…", .dim)]
                    : [Span(send, .destructive, .bold), Span(" sends it · any other key goes back to the list", .dim)])
        case .list:
            if editor.patch.changes.isEmpty { below.append([Span("\(edit) edits a value · \(add) adds a key · \(delete) deletes one", .dim)]) }
            else { below.append([Span("\(editor.patch.changes.count) change(s) not sent: \(review) reviews the patch", .attention)]) }
        }
        if let problem = editor.problem { below.append([Span("✗ " + problem, .error)]) }
        if let failure = editor.failure {
            below.append([Span("✗ Refused; your changes are kept: \(ErrorWording.plain(failure))", .error)])
        }
        var title = [Span("Metadata · ", .title, .bold), Span(editor.ref.workID, .title, .bold)]
        title.append(Span(" · " + state.tag(editor.ref.environmentID), .dim))
        let footer = editor.scope == .metadataField
            ? " \(map.key(.menuSelect, .metadataField)) keeps · \(map.key(.close, .metadataField)) drops "
            : " \(edit) edit · \(add) add · \(delete) delete · \(review) review · \(close) close "
        return MetadataEditorView(title: title, rows: rows, selected: editor.selected, below: below, footer: footer)
    }

    /// The patch as the API receives it: sorted keys, null for a deleted key.
    static func patchJSON(_ patch: MetadataPatch) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(patch)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }
}
