/// The one key table: dispatch, the key bar, the `?` overlay and the README all read it.
public enum KeyMap {
    public static let bindings: [Binding] = [
        // Anywhere (when no modal scope is open)
        Binding([.character("q"), .control("c")], .quit, .global, label: "q", help: "quit", bar: true),
        Binding([.character("?")], .help, .global, label: "?", help: "help: every key", bar: true),
        Binding([.character("r")], .refresh, .global, label: "r", help: "refresh now", bar: true),
        Binding([.character("p")], .pause, .global, label: "p", help: "pause / resume refresh", bar: true),
        Binding(SavedView.keys.map { .character($0) }, .savedView, .global, label: "1-9,0", help: "a saved view: 1-4 built in, the rest from views:"),
        Binding([.character("t")], .cycleTheme, .global, label: "t", help: "next theme"),
        Binding([.control("l")], .redraw, .global, label: "ctrl-l", help: "redraw the screen"),
        Binding([.character("c")], .copyID, .global, label: "c", help: "copy the selected id (OSC 52: works over SSH)"),
        Binding([.character("C")], .copyJSON, .global, label: "C", help: "copy the selected item as JSON (no secret)"),
        Binding([.character("L")], .showStops, .global, label: "L", help: "list the stops you asked for this run"),
        Binding([.character("H")], .toggleHistory, .global, label: "H", help: "history: the last hour, charted (again: the list)"),
        Binding([.character("e")], .switchEnvironment, .global, label: "e", help: "switch environment: one alone, or all together"),
        Binding([.character("s")], .stop, .global, label: "s", help: "stop the selected item (graceful)", destructive: true, bar: true),
        Binding([.character("S")], .forceStop, .global, label: "S", help: "force stop the selected item", destructive: true, bar: true),
        Binding([.character("m")], .editMetadata, .global, label: "m", help: "edit the selected item's metadata (a merge patch, previewed)", destructive: true),
        Binding([.character("X")], .stopAttention, .global, label: "X", help: "force stop every item needing attention (a batch)", destructive: true),
        // Work list
        Binding([.up, .character("k")], .moveUp, .list, label: "↑/k", help: "previous item"),
        Binding([.down, .character("j")], .moveDown, .list, label: "↓/j", help: "next item", bar: true),
        Binding([.pageUp], .pageUp, .list, label: "PgUp", help: "page up"),
        Binding([.pageDown], .pageDown, .list, label: "PgDn", help: "page down"),
        Binding([.control("u")], .halfPageUp, .list, label: "ctrl-u", help: "half a page up"),
        Binding([.control("d")], .halfPageDown, .list, label: "ctrl-d", help: "half a page down"),
        Binding([.character("g"), .home], .top, .list, label: "g/Home", help: "first item"),
        Binding([.character("G"), .end], .bottom, .list, label: "G/End", help: "last item"),
        Binding([.tab, .enter], .focusDetail, .list, label: "Tab", help: "focus the detail pane", bar: true),
        Binding([.character("/")], .search, .list, label: "/", help: "search: words, state:, hb>60s, meta.k:…", bar: true),
        Binding([.character("f")], .filter, .list, label: "f", help: "filter by state / needs attention", bar: true),
        Binding([.character("o")], .sort, .list, label: "o", help: "change the sort order", bar: true),
        Binding([.character("a")], .toggleTimes, .list, label: "a", help: "times in the list: ages / UTC clock"),
        Binding([.character(" ")], .toggleMark, .list, label: "Space", help: "mark or unmark it, move down; s/S then stop the marked"),
        Binding([.character("*")], .markAll, .list, label: "*", help: "mark every row shown (the filter and search)"),
        Binding([.character("u")], .clearMarks, .list, label: "u", help: "clear every mark"),
        Binding([.escape], .close, .list, label: "Esc", help: "clear search and filter"),
        // Detail pane
        Binding([.up, .character("k")], .moveUp, .detail, label: "↑/k", help: "scroll up"),
        Binding([.down, .character("j")], .moveDown, .detail, label: "↓/j", help: "scroll down", bar: true),
        Binding([.pageUp, .control("u")], .pageUp, .detail, label: "PgUp", help: "scroll a page up"),
        Binding([.pageDown, .control("d")], .pageDown, .detail, label: "PgDn", help: "scroll a page down"),
        Binding([.character("g"), .home], .top, .detail, label: "g", help: "top of the detail"),
        Binding([.character("G"), .end], .bottom, .detail, label: "G", help: "end of the detail"),
        Binding([.tab, .escape, .backTab], .focusList, .detail, label: "Tab/Esc", help: "back to the list", bar: true),
        // Search line
        Binding([.enter], .searchAccept, .search, label: "Enter", help: "keep the search", bar: true),
        Binding([.escape], .close, .search, label: "Esc", help: "clear the search", bar: true),
        Binding([.backspace, .delete, .control("h")], .searchDeleteBackward, .search, label: "Backspace", help: "delete a character"),
        // Stop confirmation
        Binding([.character("y"), .character("Y")], .dialogConfirm, .dialog, label: "y", help: "confirm the stop", destructive: true, bar: true),
        Binding([.character("n"), .character("N"), .escape, .character("q")], .close, .dialog, label: "n/Esc", help: "cancel (the default)", bar: true),
        Binding([.tab, .backTab, .left, .right, .character("h"), .character("l")], .dialogSwitchButton, .dialog, label: "Tab/←/→", help: "move between buttons"),
        Binding([.enter, .character(" ")], .dialogActivate, .dialog, label: "Enter", help: "press the focused button (a force stop needs y)"),
        Binding([.character("r")], .dialogReason, .dialog, label: "r", help: "write a reason (kept in the audit log)", bar: true),
        Binding([.up, .character("k")], .menuUp, .dialog, label: "↑/k", help: "scroll a batch's items up"),
        Binding([.down, .character("j")], .menuDown, .dialog, label: "↓/j", help: "scroll a batch's items down"),
        // Production force stop: the label typed
        Binding([.enter], .dialogConfirm, .typedConfirm, label: "Enter", help: "force stop, once the label is typed", destructive: true, bar: true),
        Binding([.escape], .close, .typedConfirm, label: "Esc", help: "cancel (nothing is sent)", bar: true),
        Binding([.backspace, .delete, .control("h")], .deleteBackward, .typedConfirm, label: "Backspace", help: "delete a character"),
        Binding([.tab], .dialogReason, .typedConfirm, label: "Tab", help: "write the reason (a production force stop needs one)", bar: true),
        // Stop reason
        Binding([.enter], .menuSelect, .reasonField, label: "Enter", help: "keep the reason, back to the dialog", bar: true),
        Binding([.escape], .close, .reasonField, label: "Esc", help: "drop the reason, back to the dialog", bar: true),
        Binding([.backspace, .delete, .control("h")], .deleteBackward, .reasonField, label: "Backspace", help: "delete a character"),
        // Environment switcher
        Binding([.up, .character("k")], .menuUp, .switcher, label: "↑/k", help: "previous environment"),
        Binding([.down, .character("j")], .menuDown, .switcher, label: "↓/j", help: "next environment"),
        Binding([.enter], .menuSelect, .switcher, label: "Enter", help: "show it (all: the merged view)", bar: true),
        Binding([.escape, .character("e"), .character("q")], .close, .switcher, label: "Esc", help: "close the switcher", bar: true),
        // Filter menu
        Binding([.up, .character("k")], .menuUp, .filterMenu, label: "↑/k", help: "previous filter"),
        Binding([.down, .character("j")], .menuDown, .filterMenu, label: "↓/j", help: "next filter"),
        Binding([.enter], .menuSelect, .filterMenu, label: "Enter", help: "apply the filter", bar: true),
        Binding([.escape, .character("f"), .character("q")], .close, .filterMenu, label: "Esc", help: "close the menu", bar: true),
        // Metadata editor
        Binding([.up, .character("k")], .menuUp, .metadataEditor, label: "↑/k", help: "previous key"),
        Binding([.down, .character("j")], .menuDown, .metadataEditor, label: "↓/j", help: "next key"),
        Binding([.enter], .menuSelect, .metadataEditor, label: "Enter", help: "edit the value (on the last row: add a key)", bar: true),
        Binding([.character("a")], .metadataAdd, .metadataEditor, label: "a", help: "add a key", bar: true),
        Binding([.character("d"), .delete], .metadataDelete, .metadataEditor, label: "d", help: "delete the key (again: keep it)", bar: true),
        Binding([.character("w")], .metadataReview, .metadataEditor, label: "w", help: "review the patch; then y sends it", bar: true),
        Binding([.character("y"), .character("Y")], .dialogConfirm, .metadataEditor, label: "y", help: "send the patch (in the review)", destructive: true),
        Binding([.escape, .character("q")], .close, .metadataEditor, label: "Esc", help: "close (a draft not sent is dropped; in the review: back)", bar: true),
        Binding([.enter], .menuSelect, .metadataField, label: "Enter", help: "keep what is typed", bar: true),
        Binding([.escape], .close, .metadataField, label: "Esc", help: "drop what is typed", bar: true),
        Binding([.backspace, .delete, .control("h")], .deleteBackward, .metadataField, label: "Backspace", help: "delete a character"),
        // Help
        Binding([.up, .character("k")], .moveUp, .help, label: "↑/k", help: "scroll help up"),
        Binding([.down, .character("j")], .moveDown, .help, label: "↓/j", help: "scroll help down"),
        Binding([.pageUp, .character("b")], .pageUp, .help, label: "PgUp/b", help: "one page up"),
        Binding([.pageDown, .character(" ")], .pageDown, .help, label: "PgDn/Space", help: "one page down", bar: true),
        Binding([.character("g"), .home], .top, .help, label: "g/Home", help: "the top"),
        Binding([.character("G"), .end], .bottom, .help, label: "G/End", help: "the end"),
        Binding([.escape, .character("?"), .character("q"), .enter], .close, .help, label: "Esc/?", help: "close help", bar: true),
    ]

    /// The action bound to `key` in `scope` by default (`KeyBindings` holds the table in effect).
    public static func action(for key: Key, in scope: KeyScope) -> Action? {
        KeyBindings.standard.action(for: key, in: scope)
    }

    /// The default bindings of a scope, in table order.
    public static func bindings(in scope: KeyScope) -> [Binding] {
        KeyBindings.standard.bindings(in: scope)
    }

    /// The default hints for the key bar in `scope`.
    public static func keyBar(for scope: KeyScope, readOnly: Bool) -> [Binding] {
        KeyBindings.standard.keyBar(for: scope, readOnly: readOnly)
    }
}
