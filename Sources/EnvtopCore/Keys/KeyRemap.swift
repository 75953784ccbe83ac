/// The config's `keys:` section: an action's name, optionally `scope.name`, with one key or a
/// list of keys that replace its defaults. A bare name rebinds the action in every scope that
/// has it (`down: [j, ctrl-n]` moves the list, the detail pane and help alike). Read at startup;
/// an unknown action, scope or key name, or a key bound twice where both would apply, is an
/// error at its line.
public enum KeyRemap {
    /// The names actions go by in `keys:`; the number keys of saved views are fixed.
    public static let actionNames: [String: Action] = [
        "up": .moveUp, "down": .moveDown, "page_up": .pageUp, "page_down": .pageDown, "half_page_up": .halfPageUp,
        "half_page_down": .halfPageDown, "top": .top, "bottom": .bottom, "focus_detail": .focusDetail,
        "focus_list": .focusList, "search": .search, "filter": .filter, "sort": .sort, "refresh": .refresh,
        "pause": .pause, "switch_environment": .switchEnvironment, "stop": .stop, "force_stop": .forceStop,
        "mark": .toggleMark, "mark_all": .markAll, "clear_marks": .clearMarks, "stop_attention": .stopAttention,
        "edit_metadata": .editMetadata, "help": .help, "quit": .quit, "theme": .cycleTheme, "redraw": .redraw,
        "history": .toggleHistory, "times": .toggleTimes, "copy_id": .copyID, "copy_json": .copyJSON,
        "stops": .showStops, "close": .close, "search_accept": .searchAccept, "search_delete": .searchDeleteBackward,
        "delete_backward": .deleteBackward, "confirm": .dialogConfirm, "activate": .dialogActivate,
        "switch_button": .dialogSwitchButton, "reason": .dialogReason, "menu_up": .menuUp, "menu_down": .menuDown,
        "select": .menuSelect, "metadata_add": .metadataAdd, "metadata_delete": .metadataDelete,
        "metadata_review": .metadataReview,
    ]

    /// The names scopes go by in `scope.action`.
    public static let scopeNames: [String: KeyScope] = [
        "global": .global, "list": .list, "detail": .detail, "search": .search, "dialog": .dialog,
        "typed_confirm": .typedConfirm, "reason": .reasonField, "switcher": .switcher, "filter_menu": .filterMenu,
        "metadata": .metadataEditor, "metadata_field": .metadataField, "help": .help,
    ]

    /// The name of `action` in `keys:`, for `envtop keys` and the docs.
    public static func name(of action: Action) -> String? {
        actionNames.first { $0.value == action }?.key
    }

    /// Applies `keys:` to the defaults.
    static func parse(_ entry: YAMLEntry, reader: YAMLReader) throws(SettingsFileError) -> KeyBindings {
        var map = KeyBindings.standard
        guard !entry.isNull else { return map }
        var lineOf: [Binding: Int] = [:]
        for item in try reader.entries(of: entry.value, named: "keys", line: entry.line) {
            let (action, scope) = try target(item, reader: reader)
            var keys: [Key] = []
            let texts: [(value: String, line: Int)]
            if let list = try reader.list(item, what: "keys.\(item.key)") {
                texts = list
            } else {
                texts = [(try reader.string(item, what: "keys.\(item.key)"), item.valueLine)]
            }
            for (text, line) in texts {
                guard let key = KeyName.key(text) else {
                    throw reader.fail(
                        line, "keys.\(item.key): unknown key '\(text)'\(Suggestion.hint(for: text, in: KeyName.candidates)) (keys: \(KeyName.examples))")
                }
                keys.append(key)
            }
            if keys.isEmpty { throw reader.fail(item.line, "keys.\(item.key): name at least one key") }
            // Whatever quit is moved to, ctrl-c still ends envtop: a way out must never be lost.
            if action == .quit && !keys.contains(.control("c")) { keys.append(.control("c")) }
            if map.rebind(action, in: scope, to: keys) == 0 {
                throw reader.fail(item.line, "keys.\(item.key): \(action) has no binding in that scope")
            }
            for binding in map.bindings where binding.action == action && (scope == nil || binding.scope == scope) {
                lineOf[binding] = item.line
            }
        }
        if let clash = map.conflicts().first {
            let line = lineOf[clash.second] ?? lineOf[clash.first]
            func describe(_ b: Binding) -> String {
                "\(name(of: b.action) ?? "\(b.action)") (\(b.scope.rawValue.lowercased()))"
            }
            throw reader.fail(
                line, "keys: \(clash.key) is bound to both \(describe(clash.first)) and \(describe(clash.second)); rebind one of them")
        }
        return map
    }

    /// The action (and scope, when written `scope.action`) an entry of `keys:` names.
    static func target(_ item: YAMLEntry, reader: YAMLReader) throws(SettingsFileError) -> (Action, KeyScope?) {
        var scope: KeyScope?
        var name = item.key
        if let dot = name.firstIndex(of: ".") {
            let scopeName = String(name[..<dot])
            guard let found = scopeNames[scopeName] else {
                throw reader.fail(
                    item.line, "keys: unknown scope '\(scopeName)'\(Suggestion.hint(for: scopeName, in: scopeNames.keys)) (scopes: \(scopeNames.keys.sorted().joined(separator: ", ")))")
            }
            scope = found
            name = String(name[name.index(after: dot)...])
        }
        guard let action = actionNames[name] else {
            let fixed = name == "views" || name == "saved_view" ? "; the saved views' number keys are fixed" : ""
            throw reader.fail(
                item.line,
                "keys: unknown action '\(name)'\(Suggestion.hint(for: name, in: actionNames.keys))\(fixed) (envtop keys --names lists them)")
        }
        return (action, scope)
    }
}
