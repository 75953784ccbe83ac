import EnvtopModels

/// A work item as the dashboard names it everywhere (selection, stops, the detail pane): which
/// environment, which work id. Ids are unique only within an environment, and a stop must reach
/// exactly the environment the operator saw.
public struct ItemRef: Sendable, Hashable, CustomStringConvertible {
    public var environmentID: String
    public var workID: String

    public init(environmentID: String, workID: String) {
        self.environmentID = environmentID
        self.workID = workID
    }

    /// The ref of an item: its environment and id.
    public init(_ item: WorkItem) {
        self.init(environmentID: item.environmentID, workID: item.id)
    }

    public var description: String { "\(environmentID)/\(workID)" }
}
