import EnvtopModels

extension AppState {
    mutating func handle(key: Key) -> [Effect] {
        let scope = keyScope
        let action = options.keys.action(for: key, in: scope)
        if action == .savedView, case .character(let c) = key { return showView(on: c) }
        guard let action else {
            if case .character(let c) = key {
                if scope == .search {
                    let previous = search.query
                    search.field.insert(String(c))
                    searchChanged(from: previous)
                } else if overlay?.type(String(c)) == true {
                    // typed into the open modal's field
                } else if scope == .list || scope == .detail {
                    show(.notAKey(String(c)))
                }
            }
            return []
        }
        switch scope {
        case .help, .filterMenu, .dialog, .typedConfirm, .switcher, .metadataEditor, .metadataField, .reasonField: return overlayKey(action)
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
            overlay = .help(fittedHelp(HelpModal()))
        case .refresh:
            show(.refreshing(paused: paused))
            return requestRefresh()
        case .pause:
            paused.toggle()
            show(.paused(paused))
            return paused ? [] : refreshIfDue()
        case .cycleTheme:
            return [.cycleTheme]
        case .redraw:
            return [.forceRepaint]
        case .toggleHistory:
            showsHistory.toggle()
            show(.history(showsHistory))
        case .toggleTimes:
            absoluteTimes.toggle()
            show(.times(absolute: absoluteTimes))
        case .stop:
            return marks.isEmpty ? openStopDialog(.graceful) : openBatchDialog(.graceful, refs: markedInOrder, origin: "\(marks.count) marked")
        case .forceStop:
            return marks.isEmpty ? openStopDialog(.force) : openBatchDialog(.force, refs: markedInOrder, origin: "\(marks.count) marked")
        case .stopAttention:
            return openBatchDialog(.force, refs: attentionInView, origin: "needing attention")
        case .editMetadata:
            return openMetadataEditor()
        case .showStops:
            overlay = .stops(StopsPanel())
        case .copyID, .copyJSON:
            return copySelected(json: action == .copyJSON)
        case .toggleMark:
            toggleMark()
        case .markAll:
            markAllVisible()
        case .clearMarks:
            clearMarks()
        case .search:
            search.isEditing = true
            focus = .list
        case .filter:
            let counts = search.parsed.isEmpty ? nil : FilterCounts.of(
                feeds: feeds, only: scopedOnly, environments: options.environments,
                query: search.parsed, now: now)
            overlay = .filterMenu(FilterMenu(current: filter, searchCounts: counts))
        case .switchEnvironment:
            overlay = .switcher(EnvironmentSwitcher(environments: feeds.map(\.environmentID), current: scope))
        case .sort:
            sort = sort.next
            followFirstRow()
            show(.sorted(sort))
        case .focusDetail:
            focus = .detail
        case .focusList:
            focus = .list
        case .close:
            if let run = batch, !run.cancelled { return cancelBatch() }
            if !search.query.isEmpty || filter != .all {
                search = SearchState()
                filter = .all
                followFirstRow()
                show(.searchAndFilterCleared)
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
                default: select(row: visible.count - 1)
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

    /// Hands an action to the open modal and carries out what it asks for.
    mutating func overlayKey(_ action: Action) -> [Effect] {
        guard var open = overlay else { return [] }
        let outcome = open.handle(action)
        overlay = open
        switch outcome {
        case .stay:
            return []
        case .close:
            overlay = nil
            return []
        case .notice(let notice):
            show(notice)
            return []
        case .applyFilter(let chosen):
            overlay = nil
            filter = chosen
            followFirstRow()
            show(.filtered(filter, matches: visible.count))
            return []
        case .chooseScope(let chosen):
            overlay = nil
            show(scope: chosen)
            return []
        case .confirmStop:
            guard case .stopDialog(let dialog) = open else { return [] }
            return confirmStop(dialog)
        case .confirmBatch:
            guard case .batchDialog(let dialog) = open else { return [] }
            return confirmBatch(dialog)
        case .cancelStop:
            return cancelStop()
        case .sendMetadata:
            guard case .metadata(let editor) = open, let effect = metadataEffect(editor) else { return [] }
            return [effect]
        }
    }

    mutating func searchKey(_ action: Action) -> [Effect] {
        switch action {
        case .searchAccept:
            // A query that does not read stays open: its error is on the line until mended.
            if search.error == nil { search.isEditing = false }
        case .searchDeleteBackward:
            if !search.query.isEmpty {
                let previous = search.query
                search.field.deleteBackward()
                searchChanged(from: previous)
            }
        default:  // Esc: clear the search
            search = SearchState()
            recomputeList()
        }
        return []
    }

    /// The help overlay sized for the screen and the text it will show.
    func fittedHelp(_ help: HelpModal) -> HelpModal {
        var help = help
        let lines = HelpText.lines(readOnly: options.readOnly, runbook: feed.runbook, bindings: options.keys.bindings).count
        let columns = HelpText.columns(width: size.width)
        help.fit(rows: (lines + columns - 1) / columns, page: HelpText.pageHeight(screenHeight: size.height))
        return help
    }

    /// Lists only what `text` (the search line's query language) matches, as if typed and kept:
    /// `envtop list --filter`. The error, when the text does not read (the list is then unchanged).
    public mutating func search(for text: String) -> QuerySyntaxError? {
        search = SearchState(text: text)
        if let error = search.error { return error }
        recomputeList()
        return nil
    }

    /// Puts the saved view on key `c` on the search line: the whole list, that query.
    mutating func showView(on c: Character) -> [Effect] {
        guard let index = SavedView.keys.firstIndex(of: c), index < options.views.count else {
            show(.noView(key: String(c), count: options.views.count))
            return []
        }
        let view = options.views[index]
        search = SearchState(text: view.query)
        filter = .all
        focus = .list
        followFirstRow()
        show(.viewShown(name: view.name, key: String(c), matches: visible.count))
        return []
    }

    /// Lists again after the search text changed. Text with an error changes nothing on the list
    /// (the search line says where it failed); plain words that only grew narrow the rows shown.
    mutating func searchChanged(from previous: String) {
        guard search.query != previous else { return }
        let before = search.parsed
        let beforeText = search.parsedText
        search.reparse()
        guard search.error == nil, search.parsed != before || search.parsedText != beforeText else { return }
        if listedRevisions == feeds.map(\.store.revision), before.isPlainText, search.parsed.isPlainText,
            search.parsedText.hasPrefix(beforeText)
        {
            narrowList()
        } else {
            recomputeList()
        }
    }

    /// Shows all environments or one: the header and the list follow; sort, filter, search and
    /// theme stay; the cursor goes to the first row.
    mutating func show(scope chosen: EnvironmentScope) {
        scope = chosen
        setSize(size)
        focus = .list
        followFirstRow()
        show(.scopeChanged(chosen, label: scopeTitle, matches: visible.count))
    }
}
