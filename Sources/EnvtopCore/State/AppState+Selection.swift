extension AppState {
    /// Keeps `selectedID` on the same item after the list changed; falls back to the row where the
    /// selection was only when the item left the list.
    mutating func reselect() {
        if let id = selectedID, let index = visibleIDs.firstIndex(of: id) {
            selectedIndex = index
        } else if visibleIDs.isEmpty {
            selectedIndex = nil
            if selectedID != nil, store[selectedID!] == nil { selectedID = nil }
            if filter != .all || !search.query.isEmpty { selectedID = nil }
        } else {
            let index = min(selectedIndex ?? 0, visibleIDs.count - 1)
            if selectedID != visibleIDs[index] { detailScroll = 0 }
            selectedIndex = index
            selectedID = visibleIDs[index]
        }
        keepSelectionVisible()
    }

    /// Moves the selection to a row (clamped).
    mutating func select(row: Int) {
        guard !visibleIDs.isEmpty else { return }
        let index = min(max(0, row), visibleIDs.count - 1)
        if selectedID != visibleIDs[index] { detailScroll = 0 }
        selectedIndex = index
        selectedID = visibleIDs[index]
        keepSelectionVisible()
    }

    mutating func moveSelection(by delta: Int) {
        select(row: (selectedIndex ?? (delta > 0 ? -1 : 0)) + delta)
    }

    /// Scrolls the list so the selected row is on screen.
    mutating func keepSelectionVisible() {
        let rows = layout.pageRows
        let maxScroll = max(0, visibleIDs.count - rows)
        if let index = selectedIndex {
            if index < listScroll { listScroll = index }
            if index >= listScroll + rows { listScroll = index - rows + 1 }
        }
        listScroll = min(max(0, listScroll), maxScroll)
    }
}
