extension AppState {
    /// Click selects the row under the pointer; the wheel scrolls the pane under it.
    mutating func handle(mouse: MouseEvent) -> [Effect] {
        guard overlay == nil, !layout.isTooSmall else { return [] }
        let inList = layout.listBody.contains(x: mouse.x, y: mouse.y)
            || layout.listHeader.contains(x: mouse.x, y: mouse.y)
        let inDetail = layout.detailBody.contains(x: mouse.x, y: mouse.y)
            || layout.detailTitle.contains(x: mouse.x, y: mouse.y)
        switch mouse.kind {
        case .press:
            if layout.listBody.contains(x: mouse.x, y: mouse.y) {
                focus = .list
                let row = listScroll + (mouse.y - layout.listBody.y)
                if row < visible.count { select(row: row) }
            } else if inDetail {
                focus = .detail
            }
        case .wheelUp, .wheelDown:
            let delta = mouse.kind == .wheelUp ? -3 : 3
            if inDetail {
                detailScroll += delta
                clampDetailScroll()
            } else if inList {
                moveSelection(by: delta)
            }
        }
        return []
    }
}
