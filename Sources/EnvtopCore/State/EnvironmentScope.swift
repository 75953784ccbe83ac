/// Which environments the list, the header and the counts show: every watched one (the merged
/// view) or one alone. The environment switcher (`e`) changes it; sort, filter and search stay.
public enum EnvironmentScope: Sendable, Hashable {
    case all
    case one(String)
}
