import EnvtopCore
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The text and roles of one work-list row, built only for rows on screen.
public struct WorkRow: Sendable, Equatable {
    public var id: String
    public var badge: StateBadge
    public var session: String
    public var age: String
    public var inState: String
    public var heartbeat: String
    public var inStateRole: ThemeRole
    public var heartbeatRole: ThemeRole
    /// Why the item needs an operator, if it does.
    public var reason: String?
    /// "k=v, k2=v2", sorted by key, cut a little past what can show.
    public var metadata: String
    /// New, changed or gone in the last refresh: a symbol in the lead column, and a gone row dim.
    public var mark: ChangeMark?
    /// Marked for a batch stop (`Space`, `*`).
    public var marked = false
    /// The ENV column (merged view): the environment's tag, in its profile's colour.
    public var environment = ""
    public var environmentRole: ThemeRole = .row

    public init(item: WorkItem, attention: Attention?, now: Date, columns: WorkColumns) {
        let compact = columns.compactAges
        func format(_ seconds: Double) -> String {
            if columns.absoluteTimes {
                // The moment itself, in UTC: "12:03:55" (or "12:03" when compact).
                let clock = TimeFormatting.utc.clock(now.addingTimeInterval(-seconds), now: now)
                return compact ? String(clock.suffix(8).prefix(5)) : String(clock.suffix(8))
            }
            return compact ? Age.short(seconds) : Age.format(seconds)
        }
        id = columns.shortIDs ? Self.dropPrefix("work_", item.id) : item.id
        badge = StateBadge.of(item.state)
        session = columns.shortSessions ? Self.dropPrefix("session_", item.sessionID) : item.sessionID
        age = format(now.timeIntervalSince(item.createdAt))
        inState = format(now.timeIntervalSince(item.stateEnteredAt))
        heartbeat = item.latestHeartbeatAt.map { format(now.timeIntervalSince($0)) } ?? "-"
        reason = attention?.shortReason
        switch attention {
        case .heartbeatStale, .neverHeartbeated, .heartbeatLate:
            heartbeatRole = .attention
            inStateRole = .row
        case .stuckStopping, .stuckStarting, .stuckQueued, .stalledClaim, .noWorker, .backlog:
            heartbeatRole = .row
            inStateRole = .attention
        case nil:
            heartbeatRole = .row
            inStateRole = .row
        }
        metadata = Self.metadataSummary(item.metadata, limit: columns.slot(.note)?.width ?? 0)
    }

    /// "k=v, k2=v2" sorted by key; stops once longer than `limit` columns, so `Screen.write`
    /// still shows the "…" without building a huge string for a huge value.
    public static func metadataSummary(_ metadata: [String: String], limit: Int) -> String {
        guard !metadata.isEmpty, limit > 0 else { return "" }
        var text = ""
        for key in metadata.keys.sorted() {
            if !text.isEmpty { text += ", " }
            text += String(key.prefix(limit + 1)) + "=" + String(metadata[key]!.prefix(limit + 1))
            if text.count > limit { break }
        }
        return text
    }

    static func dropPrefix(_ prefix: String, _ text: String) -> String {
        text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }

    /// Draws the row at (x, y). `selection` is the role of a selected row (`selection` or
    /// `selectionInactive`), nil for others; a selected row also gets the "▶" marker.
    public func draw(into screen: inout Screen, x: Int, y: Int, columns: WorkColumns, selection: ThemeRole?) {
        let gone = mark == .gone
        let base = selection ?? (gone ? .dim : .row)
        func role(_ own: ThemeRole) -> CellStyle { CellStyle(selection ?? (gone ? .dim : own)) }
        screen.fill(Rect(x: x, y: y, width: columns.width, height: 1), style: CellStyle(base))
        // The first column: "•" for a row marked for a batch (the selected one too: its
        // highlight already says it is selected), else "▶" for the selection.
        if marked {
            screen.write(StateBadge.batchMarker, x: x, y: y, maxWidth: 1, style: CellStyle(selection ?? .marked, .bold))
        } else if selection != nil {
            screen.write(StateBadge.selectionMarker, x: x, y: y, maxWidth: 1, style: CellStyle(base, .bold))
        }
        if reason != nil {
            screen.write(StateBadge.attentionMarker, x: x + 1, y: y, maxWidth: 1, style: CellStyle(selection ?? .attention, .bold))
        }
        if let mark {
            screen.write(mark.symbol, x: x + 2, y: y, maxWidth: 1, style: CellStyle(selection ?? (gone ? .dim : .changed), .bold))
        }
        for slot in columns.slots {
            let sx = x + slot.x
            switch slot.column {
            case .environment:
                screen.write(environment, x: sx, y: y, maxWidth: slot.width, style: role(environmentRole))
            case .id:
                screen.write(id, x: sx, y: y, maxWidth: slot.width, style: role(.row))
            case .state:
                screen.write(badge.text, x: sx, y: y, maxWidth: slot.width, style: role(badge.role))
            case .session:
                screen.write(session, x: sx, y: y, maxWidth: slot.width, style: role(.row))
            case .age:
                screen.writePadded(age, x: sx, y: y, width: slot.width, style: role(.row), alignRight: true)
            case .inState:
                screen.writePadded(inState, x: sx, y: y, width: slot.width, style: role(inStateRole), alignRight: true)
            case .heartbeat:
                screen.writePadded(heartbeat, x: sx, y: y, width: slot.width, style: role(heartbeatRole), alignRight: true)
            case .note:
                var spans: [Span] = []
                if let reason { spans.append(Span(reason, selection ?? .attention)) }
                // Metadata after a reason only when a few characters of it can show.
                if !metadata.isEmpty, spans.width + 2 + 4 <= slot.width || spans.isEmpty {
                    if !spans.isEmpty { spans.append(Span("  ", base)) }
                    spans.append(Span(metadata, selection ?? .dim))
                }
                SpanWriter.write(spans, x: sx, y: y, maxWidth: slot.width, into: &screen)
            }
        }
    }
}
