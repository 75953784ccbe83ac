import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension AppState {
    /// Opens the metadata editor on the selected item, when its profile allows editing.
    mutating func openMetadataEditor() -> [Effect] {
        if options.readOnly {
            show(.readOnly)
            return []
        }
        guard let ref = selected, let item = environmentFeed(ref.environmentID)?.store[ref.workID] else {
            show(.nothingSelected)
            return []
        }
        guard permits(.updateMetadata, in: ref.environmentID) else {
            show(.notAllowed(action: Permission.updateMetadata.rawValue, environment: tag(ref.environmentID)))
            return []
        }
        overlay = .metadata(MetadataEditor(item: item))
        return []
    }

    /// The update effect for the open editor's patch, or nil (with a notice) when the profile
    /// does not allow it: the one place a metadata update is produced.
    mutating func metadataEffect(_ editor: MetadataEditor) -> Effect? {
        guard permits(.updateMetadata, in: editor.ref.environmentID) else {
            overlay = nil
            show(.notAllowed(action: Permission.updateMetadata.rawValue, environment: tag(editor.ref.environmentID)))
            return nil
        }
        return .updateMetadata(environmentID: editor.ref.environmentID, workID: editor.ref.workID, patch: editor.patch)
    }

    /// The API answered a patch: on success the item as it now is goes into the list, the editor
    /// closes and the item is read again; on failure the editor comes back with its draft.
    mutating func metadataUpdated(env: String, workID: String, result: Result<WorkItem, APIError>, at: Date) -> [Effect] {
        now = max(now, at)
        guard feedIndex[env] != nil else { return [] }
        let ref = ItemRef(environmentID: env, workID: workID)
        let editing: MetadataEditor? = if case .metadata(let editor) = overlay, editor.ref == ref { editor } else { nil }
        switch result {
        case .success(let item):
            withFeed(env) { $0.update(item) }
            recomputeList()
            if editing != nil { overlay = nil }
            show(.metadataUpdated(workID: workID, changes: editing?.patch.changes.count ?? 0))
            return [.fetchItem(environmentID: env, workID: workID)]
        case .failure(let error):
            if var editor = editing {
                editor.sendFailed(error)
                overlay = .metadata(editor)
            }
            if error.status == 404 { forget(ref) }
            show(.metadataRefused(workID: workID, error))
            return []
        }
    }
}
