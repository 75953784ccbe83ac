import EnvtopCore

/// The reason row of a stop dialog, single or batch: the reason being typed, the one kept, or
/// how to write one (required for a production force stop).
enum ReasonLine {
    static func spans(_ reason: StopReasonField, typedConfirm: Bool, keys: DialogKeys = DialogKeys()) -> [Span] {
        let key = typedConfirm ? keys.typedReason : keys.reason
        if reason.isEditing {
            return [Span("reason   ", .dialog), Span(reason.field.text, .dialog, .bold), Span("█", .dialog),
                    Span("  \(keys.reasonKeep) keeps · \(keys.reasonDrop) drops", .dialog, .dim)]
        }
        if let text = reason.text {
            return [Span("reason   ", .dialog), Span(text, .dialog, .bold), Span("  (\(key) changes it)", .dialog, .dim)]
        }
        if reason.required {
            return [Span("reason   ", .dialog), Span("required here: \(key) writes it", .destructive, .bold)]
        }
        return [Span("reason   ", .dialog), Span("none (\(key) writes one; the audit log keeps it)", .dialog, .dim)]
    }
}
