import EnvtopModels

extension AppState {
    mutating func handle(key: Key) -> [Effect] {
        let scope = keyScope
        guard let action = KeyMap.action(for: key, in: scope) else {
            if scope == .search, case .character(let c) = key {
                let previous = search.query
                search.field.insert(String(c))
                searchChanged(from: previous)
            }
            return []
        }
        switch scope {
        case .help: return helpKey(action)
        case .filterMenu: return filterMenuKey(action)
        case .dialog: return dialogKey(action)
        case .search: return searchKey(action)
        case .list, .detail, .global: return mainKey(action)
        }
    }

    mutating func mainKey(_ action: Action) -> [Effect] {
        let rows = layout.pageRows
        let detailRows = max(1, layout.detailBody.height)
        switch action {
        case .quit:
            isQuitting = true
            return [.quit]
        case .help:
            helpScroll = 0
            overlay = .help
        case .refresh:
            show(paused ? "Refreshing once (still paused)" : "Refreshing", .info)
            return requestRefresh()
        case .pause:
            paused.toggle()
            show(paused ? "Paused: the data is not refreshed until you press p again" : "Refresh resumed", .info)
            return paused ? [] : refreshIfDue()
        case .cycleTheme:
            return [.cycleTheme]
        case .redraw:
            return [.forceRepaint]
        case .stop:
            return openStopDialog(.graceful)
        case .forceStop:
            return openStopDialog(.force)
        case .search:
            search.isEditing = true
            focus = .list
        case .filter:
            let current = StateFilter.allCases.firstIndex(of: filter) ?? 0
            overlay = .filterMenu(selected: current)
        case .sort:
            sort = sort.next
            followFirstRow()
            show("Sorted: \(sort.rawValue)", .info)
        case .focusDetail:
            focus = .detail
        case .focusList:
            focus = .list
        case .close:
            if !search.query.isEmpty || filter != .all {
                search = SearchState()
                filter = .all
                followFirstRow()
                show("Search and filter cleared", .info)
            }
        case .moveUp, .moveDown, .pageUp, .pageDown, .halfPageUp, .halfPageDown, .top, .bottom:
            if focus == .list {
                switch action {
                case .moveUp: moveSelection(by: -1)
                case .moveDown: moveSelection(by: 1)
                case .pageUp: moveSelection(by: -rows)
                case .pageDown: moveSelection(by: rows)
                case .halfPageUp: moveSelection(by: -max(1, rows / 2))
                case .halfPageDown: moveSelection(by: max(1, rows / 2))
                case .top: select(row: 0)
                default: select(row: visibleIDs.count - 1)
                }
            } else {
                switch action {
                case .moveUp: detailScroll -= 1
                case .moveDown: detailScroll += 1
                case .pageUp, .halfPageUp: detailScroll -= detailRows
                case .pageDown, .halfPageDown: detailScroll += detailRows
                case .top: detailScroll = 0
                default: detailScroll = Int.max / 4
                }
                clampDetailScroll()
            }
        default:
            break
        }
        return []
    }

    /// Keeps the detail scroll within the text the pane would show.
    mutating func clampDetailScroll() {
        let total = DetailLines.build(state: self, width: max(1, layout.detailBody.width)).count
        detailScroll = min(max(0, detailScroll), max(0, total - layout.detailBody.height))
    }

    mutating func helpKey(_ action: Action) -> [Effect] {
        switch action {
        case .moveUp: helpScroll = max(0, helpScroll - 1)
        case .moveDown: helpScroll += 1
        default: overlay = nil
        }
        return []
    }

    mutating func filterMenuKey(_ action: Action) -> [Effect] {
        guard case .filterMenu(let selected) = overlay else { return [] }
        let count = StateFilter.allCases.count
        switch action {
        case .menuUp: overlay = .filterMenu(selected: (selected + count - 1) % count)
        case .menuDown: overlay = .filterMenu(selected: (selected + 1) % count)
        case .menuSelect:
            filter = StateFilter.allCases[selected]
            overlay = nil
            followFirstRow()
            show("Filter: \(filter.label) (\(visibleIDs.count) items)", .info)
        default: overlay = nil
        }
        return []
    }

    mutating func searchKey(_ action: Action) -> [Effect] {
        switch action {
        case .searchAccept:
            search.isEditing = false
        case .searchDeleteBackward:
            if !search.query.isEmpty {
                search.field.deleteBackward()
                recomputeList()
            }
        default:  // Esc: clear the search
            search = SearchState()
            recomputeList()
        }
        return []
    }

    /// Lists again after the search text changed; text that only grew narrows the rows shown.
    mutating func searchChanged(from previous: String) {
        guard search.query != previous else { return }
        if feed.store.revision == listedRevision, search.query.hasPrefix(previous) {
            narrowList()
        } else {
            recomputeList()
        }
    }
}
