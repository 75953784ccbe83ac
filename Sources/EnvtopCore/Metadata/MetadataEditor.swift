import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The metadata editor for one item, pinned by (environment, id) like the stop dialog: the
/// keys and values as a list, a draft changed key by key, the merge patch previewed before it is
/// sent. An API error brings the editor back with the draft intact.
public struct MetadataEditor: Modal {
    /// What the editor is doing.
    public enum Stage: Sendable, Equatable {
        /// Moving over the rows.
        case list
        /// Typing a new key.
        case key
        /// Typing the value of a key.
        case value(String)
        /// The patch on screen, waiting for `y`.
        case preview
        /// The patch sent, waiting for the answer.
        case sending
    }

    public let ref: ItemRef
    /// The metadata when the editor opened: what the patch is computed against.
    public let original: [String: String]
    public private(set) var draft: [String: String]
    public private(set) var selected = 0
    public private(set) var stage: Stage = .list
    public internal(set) var field = TextField()
    /// Why the last step was refused (a validation message), shown in the editor.
    public internal(set) var problem: String?
    /// The API's refusal of the last send; the draft is kept for another try.
    public internal(set) var failure: APIError?

    public init(item: WorkItem) {
        ref = ItemRef(item)
        original = item.metadata
        draft = item.metadata
    }

    public var scope: KeyScope {
        switch stage {
        case .key, .value: .metadataField
        case .list, .preview, .sending: .metadataEditor
        }
    }

    /// Every key in the original or the draft, sorted; a deleted key stays as a row until sent.
    public var keys: [String] { Set(original.keys).union(draft.keys).sorted() }

    /// The merge patch from `original` to `draft`: changed and new keys with their value, deleted
    /// keys with null.
    public var patch: MetadataPatch {
        var changes: [String: String?] = [:]
        for key in keys where draft[key] != original[key] { changes[key] = .some(draft[key]) }
        return MetadataPatch(changes)
    }

    /// The row after the keys: "add a key".
    var addRow: Int { keys.count }

    public mutating func handle(_ action: Action) -> ModalOutcome {
        switch stage {
        case .sending:
            return action == .close ? .close : .stay
        case .preview:
            switch action {
            case .dialogConfirm:
                stage = .sending
                failure = nil
                return .sendMetadata
            default:
                stage = .list
                return .stay
            }
        case .key, .value:
            return fieldAction(action)
        case .list:
            return listAction(action)
        }
    }

    mutating func listAction(_ action: Action) -> ModalOutcome {
        problem = nil
        switch action {
        case .menuUp: selected = max(0, selected - 1)
        case .menuDown: selected = min(addRow, selected + 1)
        case .menuSelect:
            if selected == addRow { return startKey() }
            let key = keys[selected]
            field = TextField(draft[key] ?? original[key] ?? "")
            stage = .value(key)
        case .metadataAdd: return startKey()
        case .metadataDelete:
            guard selected < addRow else { return .stay }
            let key = keys[selected]
            // Deleting a deleted key brings back its original value.
            draft[key] = draft[key] == nil ? original[key] : nil
            selected = min(selected, addRow)
        case .metadataReview:
            if patch.changes.isEmpty {
                problem = "nothing changed yet"
                return .stay
            }
            if let why = MetadataLimits.problem(draft: draft, original: original) {
                problem = why
                return .stay
            }
            stage = .preview
        case .close: return .close
        default: return .stay
        }
        return .stay
    }

    mutating func startKey() -> ModalOutcome {
        field.clear()
        stage = .key
        return .stay
    }

    mutating func fieldAction(_ action: Action) -> ModalOutcome {
        switch action {
        case .deleteBackward: field.deleteBackward()
        case .close:
            stage = .list
            problem = nil
        case .menuSelect: acceptField()
        default: break
        }
        return .stay
    }

    /// Enter in the field: a new key moves on to its value; a value goes into the draft.
    mutating func acceptField() {
        switch stage {
        case .key:
            let key = field.text
            if let why = MetadataLimits.problem(key: key) {
                problem = why
                return
            }
            problem = nil
            field = TextField(draft[key] ?? "")
            stage = .value(key)
        case .value(let key):
            if let why = MetadataLimits.problem(value: field.text) {
                problem = why
                return
            }
            draft[key] = field.text
            problem = nil
            stage = .list
            selected = keys.firstIndex(of: key) ?? selected
        default: break
        }
    }

    /// Text typed or pasted into the field.
    mutating func type(_ text: String) {
        guard scope == .metadataField else { return }
        field.insert(text)
    }

    /// The API answered the patch with an error: back to the list, the draft kept.
    mutating func sendFailed(_ error: APIError) {
        failure = error
        stage = .list
    }
}
