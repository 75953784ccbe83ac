import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The confirmation for a stop of several items (the marked ones, or every item needing
/// attention): how many, by state, by attention reason and by environment, how many will be
/// skipped, and for a force stop the whole target list, scrollable. Cancel is the default; `y`
/// confirms, and where a target is in a production environment its label must be typed.
public struct BatchStopDialog: Modal {
    public var mode: StopMode
    /// The targets as the operator saw them when the key was pressed, in list order.
    public let targets: [WorkItem]
    /// Targets that will be skipped: already stopped, or a stop in flight.
    public let skipped: Set<ItemRef>
    /// Each target's attention reason when the dialog opened ("no heartbeat", "stopping"...).
    public let reasons: [ItemRef: String]
    /// What must be typed first: the production label (nil when `y` is enough).
    public let requiredText: String?
    public internal(set) var typed = TextField()
    /// The first target row shown.
    public internal(set) var scroll = 0
    /// Where the targets came from ("3 marked", "needing attention").
    public let origin: String
    /// The operator's reason (`r`), for every stop of the batch; required for a production force stop.
    public internal(set) var reason: StopReasonField

    public init(
        mode: StopMode, targets: [WorkItem], skipped: Set<ItemRef>, reasons: [ItemRef: String], requiredText: String?,
        origin: String
    ) {
        self.mode = mode
        self.targets = targets
        self.skipped = skipped
        self.reasons = reasons
        self.requiredText = requiredText
        self.origin = origin
        self.reason = StopReasonField(required: mode == .force && requiredText != nil)
    }

    public var scope: KeyScope { reason.isEditing ? .reasonField : requiredText == nil ? .dialog : .typedConfirm }

    public var typedMatches: Bool { requiredText.map { typed.text == $0 } ?? true }

    /// The targets a stop will be sent to.
    public var toSend: [WorkItem] { targets.filter { !skipped.contains(ItemRef($0)) } }

    /// "3 active, 2 stopping": how many of each state, most first.
    public static func tally(_ names: [String]) -> [(String, Int)] {
        var counts: [String: Int] = [:]
        for n in names { counts[n, default: 0] += 1 }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    }

    mutating func type(_ text: String) {
        if reason.isEditing { return reason.type(text) }
        guard requiredText != nil else { return }
        typed.insert(text)
    }

    public mutating func handle(_ action: Action) -> ModalOutcome {
        if reason.takes(action) { return .stay }
        switch action {
        case .menuUp:
            scroll = max(0, scroll - 1)
            return .stay
        case .menuDown:
            scroll = min(max(0, targets.count - 1), scroll + 1)
            return .stay
        default: break
        }
        if let requiredText {
            switch action {
            case .dialogConfirm:
                return reason.confirm(
                    typedMatches: typedMatches, label: requiredText, target: "\(targets.count) items", confirmed: .confirmBatch)
            case .deleteBackward:
                typed.deleteBackward()
                return .stay
            default: return .cancelStop
            }
        }
        switch action {
        case .dialogConfirm: return toSend.isEmpty ? .cancelStop : .confirmBatch
        case .dialogActivate, .dialogSwitchButton: return .stay
        default: return .cancelStop
        }
    }
}
