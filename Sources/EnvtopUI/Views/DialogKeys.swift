import EnvtopCore

/// The keys the stop dialogs name in their sentences, from the key table in effect, so a
/// remapped key is named right ("Only y confirms…" reads "Only Y confirms…" after `confirm: Y`).
struct DialogKeys: Sendable, Equatable {
    var confirm = "y"
    var cancel = "n"
    var reason = "r"
    var typedConfirm = "Enter"
    var typedCancel = "Esc"
    var typedReason = "Tab"
    var reasonKeep = "Enter"
    var reasonDrop = "Esc"
    var force = "S"

    init() {}

    init(_ keys: KeyBindings) {
        confirm = keys.key(.dialogConfirm, .dialog)
        cancel = keys.key(.close, .dialog)
        reason = keys.key(.dialogReason, .dialog)
        typedConfirm = keys.key(.dialogConfirm, .typedConfirm)
        typedCancel = keys.key(.close, .typedConfirm)
        typedReason = keys.key(.dialogReason, .typedConfirm)
        reasonKeep = keys.key(.menuSelect, .reasonField)
        reasonDrop = keys.key(.close, .reasonField)
        force = keys.key(.forceStop, .global)
    }
}
