#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The optional reason in a stop dialog (`r`, or Tab where a label is typed): recorded in the
/// audit log and, where the profile says `record_reason: true`, written to the item's metadata
/// before the stop. Required for a force stop in a production environment.
public struct StopReasonField: Sendable, Equatable {
    public internal(set) var field = TextField()
    /// The reason is being typed: the dialog's other keys wait.
    public internal(set) var isEditing = false
    /// A production force stop is not sent without one.
    public let required: Bool

    public init(required: Bool = false) { self.required = required }

    /// The reason, trimmed; nil when there is none.
    public var text: String? {
        let trimmed = field.text.trimmed()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Whether the stop may go as far as the reason is concerned.
    public var satisfied: Bool { !required || text != nil }

    /// A key while typing: Enter keeps the reason, Esc drops it, Backspace deletes.
    mutating func handle(_ action: Action) {
        switch action {
        case .menuSelect: isEditing = false
        case .close:
            field.clear()
            isEditing = false
        case .deleteBackward: field.deleteBackward()
        default: break
        }
    }

    mutating func type(_ text: String) {
        if isEditing { field.insert(text) }
    }

    mutating func edit() { isEditing = true }

    /// The reason's own keys in a stop dialog: every key while it is being written, and the key
    /// that starts writing it. True when the key was the reason's (the dialog stays as it is).
    mutating func takes(_ action: Action) -> Bool {
        if isEditing {
            handle(action)
            return true
        }
        guard action == .dialogReason else { return false }
        edit()
        return true
    }

    /// A confirmation where a label must be typed: refused until the label matches, then until
    /// a required reason is written (which is opened for writing); `confirmed` once both hold.
    /// `target` names what is stopped in the notice ("work_…", "3 items").
    mutating func confirm(
        typedMatches: Bool, label: String, target: String, confirmed: ModalOutcome
    ) -> ModalOutcome {
        guard typedMatches else { return .notice(.typeToConfirm(workID: target, label: label)) }
        guard satisfied else {
            edit()
            return .notice(.reasonRequired(workID: target))
        }
        return confirmed
    }
}

/// What goes with a stop besides its target: the operator's reason, and whether the profile
/// wants it written to the item's metadata (`envtop_stopped_by`, `envtop_stop_reason`) first.
public struct StopNote: Sendable, Hashable {
    public var reason: String
    public var record: Bool

    public init(reason: String, record: Bool) {
        self.reason = reason
        self.record = record
    }
}
