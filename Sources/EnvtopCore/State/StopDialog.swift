import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The confirmation for a stop, pinned to one item by id when it opened.
///
/// The list may refresh or reorder underneath; the stop still goes to `target.id` and no other.
/// `current` is the latest copy of that item the dashboard has seen, so the dialog can say when it
/// changed state since the operator opened it.
public struct StopDialog: Modal {
    public enum Button: Sendable, Equatable { case cancel, confirm }

    public var mode: StopMode
    /// The item exactly as the operator saw it when pressing the key.
    public var target: WorkItem
    /// The newest copy of the same item (same id), from refreshes or the re-check on open.
    public var current: WorkItem
    /// Cancel is always the default.
    public var focused: Button = .cancel
    /// True once the re-check on open answered.
    public var verified: Bool = false
    /// What must be typed before the stop goes (a production environment's label, for a force
    /// stop); nil when `y` is enough.
    public let requiredText: String?
    /// What the operator typed so far.
    public internal(set) var typed = TextField()
    /// Whether a live worker holds the item, as of opening (or the pane's clock): without one a
    /// graceful stop sits in `stopping`, and the dialog says so and offers the force stop.
    public var presence: WorkerPresence
    /// The operator's reason (`r`); required for a production force stop.
    public internal(set) var reason: StopReasonField
    /// Whether the profile allows a force stop here: the dialog offers it only then.
    public var forceAllowed = true
    /// The force stop's key, as the sentences name it.
    public var forceKey = "S"

    public init(mode: StopMode, target: WorkItem, requiredText: String? = nil, presence: WorkerPresence = .alive) {
        self.mode = mode
        self.target = target
        self.current = target
        self.requiredText = requiredText
        self.presence = presence
        self.reason = StopReasonField(required: mode == .force && requiredText != nil)
    }

    /// True when the typed text is the required text (or none is required).
    public var typedMatches: Bool { requiredText.map { typed.text == $0 } ?? true }

    public var workID: String { target.id }
    /// The pinned target: its environment and id, exactly as the operator saw it.
    public var ref: ItemRef { ItemRef(environmentID: target.environmentID, workID: target.id) }
    public var scope: KeyScope { reason.isEditing ? .reasonField : requiredText == nil ? .dialog : .typedConfirm }

    /// Text typed (or pasted): into the reason while it is being written, else into the
    /// confirmation field when one is asked for.
    mutating func type(_ text: String) {
        if reason.isEditing { return reason.type(text) }
        guard requiredText != nil else { return }
        typed.insert(text)
    }

    /// `y` confirms; Enter presses the focused button (Cancel by default), except that a force
    /// stop takes only `y`; Tab and arrows move between buttons; anything else cancels. When a
    /// label must be typed, only Enter on the exact label confirms, and Esc cancels.
    public mutating func handle(_ action: Action) -> ModalOutcome {
        if reason.takes(action) { return .stay }
        if let requiredText {
            switch action {
            case .dialogConfirm:
                return reason.confirm(typedMatches: typedMatches, label: requiredText, target: workID, confirmed: .confirmStop)
            case .deleteBackward:
                typed.deleteBackward()
                return .stay
            default: return .cancelStop
            }
        }
        switch action {
        case .menuUp, .menuDown: return .stay  // the batch dialog's scroll keys: nothing to scroll here
        case .dialogConfirm: return .confirmStop
        case .dialogActivate:
            if focused == .cancel { return .cancelStop }
            return mode == .force ? .notice(.forceNeedsConfirmKey(workID: workID)) : .confirmStop
        case .dialogSwitchButton:
            focused = focused == .cancel ? .confirm : .cancel
            return .stay
        default: return .cancelStop
        }
    }
    public var stateChanged: Bool { current.state != target.state }

    /// What the stop will do to the item in its current state, in plain words.
    public var consequence: String {
        switch (mode, current.state) {
        case (_, .stopped):
            return "It is already stopped: nothing will change."
        case (.graceful, .stopping):
            return "A stop was already requested; asking again changes nothing. Use force stop (\(forceKey)) if it is stuck."
        case (.graceful, _) where presence.reason != nil:
            return "No live worker holds it (\(presence.reason!)): a graceful stop would sit in stopping."
                + (forceAllowed ? " Force stop (\(forceKey)) ends it." : " A force stop would end it; this profile does not allow one.")
        case (.graceful, _):
            return "It becomes stopping; its worker sees that on its next heartbeat (within 30s) and ends the session."
        case (.force, _):
            return "It becomes stopped at once. A worker still running it loses its lease on the next heartbeat; the session ends without a graceful drain."
        }
    }
}
