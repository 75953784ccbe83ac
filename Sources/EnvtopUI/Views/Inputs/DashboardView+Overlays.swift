import EnvtopCore
import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The overlays' and the detail pane's inputs, read from the state: each returns a widget
/// holding plain values.

extension DashboardView {
    /// The filter menu's choices with their counts in the environments in view.
    static func filterMenu(_ state: AppState, _ menu: FilterMenu) -> FilterMenuView {
        let counts = state.counts
        let choices = StateFilter.allCases.map { filter -> FilterMenuView.Choice in
            let count: Int
            switch (menu.searchCounts, filter) {
            case (let searched?, _): count = searched[filter]
            case (nil, .all): count = state.totalItems
            case (nil, .needsAttention): count = state.attentionCount
            case (nil, .state(let s)): count = counts[s]
            }
            return .init(label: filter.label + (filter == state.filter ? " (current)" : ""), count: count)
        }
        return FilterMenuView(
            choices: choices, selected: menu.selected,
            note: menu.searchCounts == nil ? nil : "counts with /\(state.search.parsedText)")
    }
}

extension DashboardView {
    /// The stop dialog's inputs: the pinned target, its environment, its newest copy.
    static func stopDialog(_ state: AppState, _ dialog: StopDialog) -> StopDialogView {
        let current = dialog.current
        let envID = dialog.ref.environmentID
        let env = state.watched(envID) ?? WatchedEnvironment(id: envID)
        var place: [Span] = []
        if env.production { place += [Span(" PRODUCTION ", .bannerProduction, .bold), Span(" ", .dialog)] }
        if !env.label.isEmpty { place += [Span(env.label, .dialog, .bold), Span(" · ", .dialog)] }
        place.append(Span(env.name.map { "\($0) (\(envID))" } ?? envID, .dialog, .bold))
        let badge = StateBadge.of(current.state)
        var changed: String?
        if dialog.stateChanged {
            changed = "! It changed since you opened this: it was \(StateBadge.of(dialog.target.state).text), it is now \(badge.text)."
        }
        let keys = DialogKeys(state.options.keys)
        return StopDialogView(
            force: dialog.mode == .force,
            heading: "\(dialog.mode == .force ? "Force stop" : "Stop") \(dialog.workID) in \(state.tag(envID))?",
            environment: place, profile: env.label.isEmpty ? nil : env.profile, session: current.sessionID,
            stateText: "\(badge.text) for \(Age.format(state.now.timeIntervalSince(current.stateEnteredAt)))",
            changedWarning: changed, verified: dialog.verified, consequence: dialog.consequence,
            requiredText: dialog.requiredText, typed: dialog.typed.text, typedMatches: dialog.typedMatches,
            focused: dialog.focused, reason: ReasonLine.spans(dialog.reason, typedConfirm: dialog.requiredText != nil, keys: keys),
            keys: keys)
    }
}

extension DashboardView {
    /// The switcher's lines from the state: "all" with the totals, then each environment.
    static func switcher(_ state: AppState, _ switcher: EnvironmentSwitcher) -> EnvironmentSwitcherView {
        var choices: [EnvironmentSwitcherView.Choice] = []
        for choice in switcher.choices {
            switch choice {
            case .all:
                let total = state.feeds.reduce(0) { $0 + $1.store.count }
                let flagged = state.feeds.reduce(0) { $0 + $1.attention.count }
                let stale = state.feeds.filter { $0.connection.isStale }.count
                var status = [Span("\(total) items", .normal), Span("  ")]
                status.append(flagged > 0 ? Span("! \(flagged) stuck", .attention) : Span("0 stuck", .ok))
                if stale > 0 { status += [Span("  "), Span("\(stale) stale", .error)] }
                choices.append(.init(
                    name: Span("all", .title, .bold), detail: "\(state.feeds.count) environments, one list",
                    status: status, production: false, current: state.scope == .all))
            case .one(let id):
                guard let feed = state.environmentFeed(id), let env = state.watched(id) else { continue }
                let health = EnvironmentLines.healthSpans(feed, now: state.now, time: TimeFormatting()).short
                let counts = feed.store.counts
                let stuck = feed.attention.count
                let status = health + [Span("  q \(counts[.queued])  a \(counts[.active])  ", .normal),
                                       stuck > 0 ? Span("! \(stuck)", .attention) : Span("! 0", .ok)]
                let name = env.name.map { "\($0) (\(id))" } ?? id
                let profile = env.profile.isEmpty ? "" : " · profile \(env.profile)"
                choices.append(.init(
                    name: Span(state.tag(id), ThemeRole.environment(env.color), .bold), detail: name + profile,
                    status: status, production: env.production, current: state.scope == .one(id)))
            }
        }
        return EnvironmentSwitcherView(choices: choices, selected: switcher.selected)
    }
}

extension DashboardView {
    /// The detail pane's inputs: the selected item's lines at the pane's width, and its scroll.
    static func detailPane(_ state: AppState, timeZone: ClockZone) -> DetailPaneView {
        let layout = state.layout
        return DetailPaneView(
            title: layout.detailTitle, divider: layout.divider, body: layout.detailBody,
            lines: DetailLines.build(state: state, width: max(1, layout.detailBody.width), timeZone: timeZone),
            scroll: state.detailScroll, focused: state.focus == .detail && state.overlay == nil,
            selectedID: state.selectedID,
            hint: state.visible.isEmpty ? "Nothing to show." : "Select an item to see its details.")
    }
}

extension DashboardView {
    /// The too-small message's input: which modal is open, unseen, and still takes keys.
    static func tooSmall(_ state: AppState) -> TooSmallView {
        switch state.overlay {
        case .stopDialog(let dialog): TooSmallView(open: .stopDialog(workID: dialog.workID))
        case .some(let overlay): TooSmallView(open: .other(overlay.scope.rawValue))
        case nil: TooSmallView(open: nil)
        }
    }
}
