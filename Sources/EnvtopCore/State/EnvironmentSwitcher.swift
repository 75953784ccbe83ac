/// The environment switcher (`e`): "all" first, then every watched environment of every
/// profile; Enter shows the highlighted one. Sort, filter, search and theme are left as they are.
public struct EnvironmentSwitcher: Modal {
    /// The choices, in the order drawn: `.all`, then each environment in the order configured.
    public let choices: [EnvironmentScope]
    public internal(set) var selected: Int

    public init(environments: [String], current: EnvironmentScope) {
        choices = [.all] + environments.map { .one($0) }
        selected = choices.firstIndex(of: current) ?? 0
    }

    public var scope: KeyScope { .switcher }

    public mutating func handle(_ action: Action) -> ModalOutcome {
        let count = choices.count
        switch action {
        case .menuUp: selected = (selected + count - 1) % count
        case .menuDown: selected = (selected + 1) % count
        case .menuSelect: return .chooseScope(choices[selected])
        default: return .close
        }
        return .stay
    }
}
