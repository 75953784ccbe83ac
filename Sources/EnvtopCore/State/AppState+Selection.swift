extension AppState {
    /// Keeps the cursor where the operator left it after the list changed.
    ///
    /// Untouched (`followsFirstRow`), it stays on the first row. Moved, it stays on its item, and
    /// that item keeps its screen row while items arrive above it (the list scrolls with it and
    /// `newAbove` counts them for the "↑ N new" marker). When its item leaves the list, it falls
    /// back to the row where the item was.
    mutating func reselect() {
        if followsFirstRow {
            let first = visible.first
            if selected != first { detailScroll = 0 }
            selected = first
            selectedIndex = first == nil ? nil : 0
            listScroll = 0
            newAbove = 0
            return
        }
        if let ref = selected, let index = visible.firstIndex(of: ref) {
            if let old = selectedIndex, index != old {
                let shift = index - old
                listScroll += shift
                if shift > 0 { newAbove += shift } else { newAbove = max(0, newAbove + shift) }
            }
            selectedIndex = index
        } else if visible.isEmpty {
            selectedIndex = nil
            if let ref = selected, item(ref) == nil { selected = nil }
            if filter != .all || !search.query.isEmpty { selected = nil }
        } else {
            let index = min(selectedIndex ?? 0, visible.count - 1)
            if selected != visible[index] { detailScroll = 0 }
            selectedIndex = index
            selected = visible[index]
        }
        keepSelectionVisible()
    }

    /// Puts the cursor back on the first row and keeps it there (after a filter or sort change).
    mutating func followFirstRow() {
        followsFirstRow = true
        recomputeList()
    }

    /// Moves the selection to a row (clamped). The operator moved it: it now stays on its item,
    /// except on the first row, which follows whatever comes first (like `g`).
    mutating func select(row: Int) {
        guard !visible.isEmpty else { return }
        let index = min(max(0, row), visible.count - 1)
        if selected != visible[index] { detailScroll = 0 }
        followsFirstRow = index == 0
        selectedIndex = index
        selected = visible[index]
        keepSelectionVisible()
    }

    mutating func moveSelection(by delta: Int) {
        select(row: (selectedIndex ?? (delta > 0 ? -1 : 0)) + delta)
    }

    /// Scrolls the list so the selected row is on screen.
    mutating func keepSelectionVisible() {
        let rows = layout.pageRows
        var maxScroll = max(0, visible.count - rows)
        // Arrivals above a pinned cursor scroll the list with it, even past the usual end, so
        // its item keeps its screen row; the title's "↑ N new" says what is above.
        if newAbove > 0, let index = selectedIndex { maxScroll = max(maxScroll, min(listScroll, index)) }
        if let index = selectedIndex {
            if index < listScroll { listScroll = index }
            if index >= listScroll + rows { listScroll = index - rows + 1 }
        }
        listScroll = min(max(0, listScroll), maxScroll)
        if listScroll == 0 { newAbove = 0 }
    }
}
