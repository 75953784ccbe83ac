import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One line of the detail pane: a label and a value, or a section title.
///
/// Lines are already wrapped to the pane's width: one `DetailLine` is one screen row, so the
/// reducer can bound scrolling by counting them.
public struct DetailLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case field, section, text, attention }
    public var kind: Kind
    public var label: String
    public var value: String
    public var role: ThemeRole

    public init(_ kind: Kind, label: String = "", value: String = "", role: ThemeRole = .detailValue) {
        self.kind = kind
        self.label = label
        self.value = value
        self.role = role
    }
}

/// The content of the detail pane for the selected item, as lines of a given width.
///
/// Shared by the view (which draws a window of it) and the reducer (which bounds scrolling), so it
/// builds only the selected item's lines: cheap enough to run on every scroll key.
public enum DetailLines {
    /// The widest label column; narrower panes use a third of their width.
    static let maxLabelWidth = 16

    /// The label column of a pane `width` columns wide.
    public static func labelWidth(for width: Int) -> Int { min(maxLabelWidth, max(6, width / 3)) }

    public static func build(state: AppState, width: Int, timeZone: ClockZone = .current) -> [DetailLine] {
        guard let ref = state.selected, let item = state.item(ref), width > 0 else { return [] }
        let time = TimeFormatting(timeZone: timeZone)
        let now = state.now
        var out = Builder(width: width, copyKey: state.options.keys.key(.copyJSON, .global))
        func stamp(_ date: Date?, else none: String) -> String { date.map { time.stamp($0, now: now) } ?? none }

        let badge = StateBadge.of(item.state)
        out.field("id", item.id)
        out.field("state", "\(badge.text) for \(Age.format(now.timeIntervalSince(item.stateEnteredAt)))", role: badge.role)
        out.field("kind", item.data.kind.rawValue.isEmpty ? "(not given)" : item.data.kind.rawValue)
        out.field(item.data.kind == .session ? "session" : "data id", item.sessionID)
        if let env = state.watched(item.environmentID), !env.label.isEmpty {
            let name = env.name.map { "\($0) (\(env.id))" } ?? env.id
            out.field("environment", "\(env.label) · \(name)\(env.production ? " · PRODUCTION" : "")")
            out.field("profile", env.profile)
        } else {
            out.field("environment", item.environmentID)
        }
        // The store never keeps a secret (it is a credential); say so rather than leave a blank.
        out.field("secret", item.secret == nil ? "none kept (never shown)" : "present (never shown)", role: .dim)

        let thresholds = state.options.thresholds
        let attention = state.isDeparted(ref) ? nil : state.attentionNow(ref)
        out.section("Diagnosis")
        if state.isDeparted(ref) {
            out.attention("Gone: the API no longer has this item. It leaves the list at the next refresh.")
        } else if let signature = FailureSignature.of(item, now: now, thresholds: thresholds, attention: attention) {
            out.attention("\(signature.title.uppercased()): \(signature.cause)")
            out.field("fix", signature.fix)
        } else if let attention {
            out.attention(attention.explanation(thresholds: thresholds))
        } else {
            out.field("attention", "none needed", role: .ok)
        }
        let lease = leaseFact(item, now: now, thresholds: thresholds)
        out.field("lease", lease.text, role: lease.role)

        TimelineLines.add(item, now: now, time: time, to: &out)

        out.section("If you stop it now")
        if state.options.readOnly {
            out.text("Stopping is off: envtop was started with --read-only.", role: .readOnly)
        } else {
            let presence = WorkerPresence.of(item, now: now, thresholds: thresholds)
            out.field("s stop", StopDialog(mode: .graceful, target: item, presence: presence).consequence,
                      role: presence.reason != nil && item.state != .stopped ? .warning : .detailValue)
            out.field("S force stop", StopDialog(mode: .force, target: item).consequence)
        }

        out.section("Metadata (\(item.metadata.count))")
        if item.metadata.isEmpty { out.text("none", role: .dim) }
        for key in item.metadata.keys.sorted() {
            let value = item.metadata[key]!
            if SafeText.width(key) < out.labelWidth {
                out.field(key, value)
            } else {
                out.text(key, role: .detailLabel)
                out.field("", value)
            }
        }
        return out.lines
    }

    static func isLive(_ state: WorkState) -> Bool {
        state == .queued || state == .starting || state == .active
    }

    /// Lease health in a few words, and how alarming it is.
    static func leaseFact(_ item: WorkItem, now: Date, thresholds t: AttentionThresholds) -> (text: String, role: ThemeRole) {
        let ttl = Age.exact(t.leaseTTLSeconds)
        let beatAge = item.latestHeartbeatAt.map { now.timeIntervalSince($0) }
        switch item.state {
        case .queued:
            return ("none: waiting for a worker to poll and acknowledge it", .dim)
        case .starting, .active:
            if let age = beatAge {
                if age > t.leaseTTLSeconds {
                    return ("LOST: last heartbeat \(Age.format(age)) ago, past the \(ttl) lease", .attention)
                }
                if age > t.heartbeatLateSeconds {
                    return ("LATE: last heartbeat \(Age.format(age)) ago, two beats missed; lost at \(ttl)", .warning)
                }
                return ("held: last heartbeat \(Age.format(age)) ago, within the \(ttl) lease", .ok)
            }
            let since = now.timeIntervalSince(item.startedAt ?? item.acknowledgedAt ?? item.createdAt)
            let role: ThemeRole = item.state == .active && since > t.leaseTTLSeconds ? .attention : .warning
            return ("no heartbeat yet, \(Age.format(since)) after \(item.state == .active ? "starting" : "acknowledgement")", role)
        case .stopping:
            let beat = beatAge.map { "last heartbeat \(Age.format($0)) ago" } ?? "no heartbeat ever"
            if let beatAge, beatAge > t.leaseTTLSeconds {
                return ("LOST while stopping: \(beat), past the \(ttl) lease: nobody will drain it", .attention)
            }
            return ("draining: a live worker sees the stop at its next heartbeat, within \(Age.exact(t.heartbeatIntervalSeconds)) (\(beat))", .warning)
        case .stopped:
            return ("released: the item is stopped", .dim)
        case .unknown(let raw):
            return ("unknown: envtop does not know the state \"\(raw)\"", .stateUnknown)
        }
    }

    /// The most lines one value wraps to; the rest is summed up in one line. A 20,000-character
    /// id or a 2,000-character metadata value then costs a screenful, not its whole length, on
    /// every frame and scroll key; the copy key gives all of it.
    public static let maxLinesPerValue = 8

    /// Accumulates wrapped lines.
    struct Builder {
        let width: Int
        let labelWidth: Int
        let copyKey: String
        var lines: [DetailLine] = []

        init(width: Int, copyKey: String = "C") {
            self.width = width
            self.labelWidth = DetailLines.labelWidth(for: width)
            self.copyKey = copyKey
        }

        mutating func field(_ label: String, _ value: String, role: ThemeRole = .detailValue) {
            let (pieces, rest) = TextWrap.lines(value, width: max(1, width - labelWidth), maxLines: DetailLines.maxLinesPerValue)
            for (i, piece) in pieces.enumerated() {
                lines.append(DetailLine(.field, label: i == 0 ? label : "", value: piece, role: role))
            }
            if let rest {
                let more = "… \(rest.utf8.count) more bytes (\(copyKey) copies the whole item)"
                for piece in TextWrap.lines(more, width: max(1, width - labelWidth)) {
                    lines.append(DetailLine(.field, label: "", value: piece, role: .dim))
                }
            }
        }

        mutating func section(_ title: String) {
            lines.append(DetailLine(.section, label: title, role: .title))
        }

        mutating func text(_ value: String, role: ThemeRole = .detailValue) {
            for piece in TextWrap.lines(value, width: max(1, width - 2)) {
                lines.append(DetailLine(.text, value: piece, role: role))
            }
        }

        mutating func attention(_ value: String) {
            for (i, piece) in TextWrap.lines(value, width: max(1, width - 2)).enumerated() {
                lines.append(DetailLine(.attention, label: i == 0 ? StateBadge.attentionMarker : "", value: piece, role: .attention))
            }
        }
    }
}
