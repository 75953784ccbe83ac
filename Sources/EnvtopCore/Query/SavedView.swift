#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A named search on a number key: the built-ins for the usual incident questions, then the
/// config's `views:` (name: query). Choosing one puts its query on the search line, where it
/// can be read and edited like any search.
public struct SavedView: Sendable, Hashable {
    public var name: String
    public var query: String

    public init(name: String, query: String) {
        self.name = name
        self.query = query
    }

    /// On 1–4 unless the config names a view the same (which takes its place).
    public static let builtIn = [
        SavedView(name: "needs attention", query: "attention:any"),
        SavedView(name: "drain overdue", query: "attention:drain_overdue"),
        SavedView(name: "never started", query: "attention:never_started"),
        SavedView(name: "queued over 5 min", query: "state:queued instate>5m"),
    ]

    /// The number keys views go on, in order: 1 … 9, then 0.
    public static let keys: [Character] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"]

    /// The built-ins with the config's views: one of the same name replaces a built-in in
    /// place, the others follow in the order written.
    public static func all(configured: [SavedView]) -> [SavedView] {
        var views = builtIn
        for view in configured {
            if let at = views.firstIndex(where: { $0.name == view.name }) { views[at] = view } else { views.append(view) }
        }
        return Array(views.prefix(keys.count))
    }

    /// Reads `views:` (a mapping of name to query); a query that does not read is an error at its
    /// line, with the column where it failed.
    static func parseAll(_ entry: YAMLEntry, reader: YAMLReader) throws(SettingsFileError) -> [SavedView] {
        guard !entry.isNull else { return [] }
        var views: [SavedView] = []
        for item in try reader.entries(of: entry.value, named: "views", line: entry.line) {
            let query = try reader.string(item, what: "views.\(item.key)")
            if case .failure(let error) = SearchQuery.parse(query) {
                throw reader.fail(item.valueLine, "views: '\(item.key)': column \(error.position + 1): \(error.message)")
            }
            views.append(SavedView(name: item.key, query: query))
        }
        let room = keys.count - builtIn.count
        let added = views.filter { view in !builtIn.contains { $0.name == view.name } }
        if added.count > room {
            throw reader.fail(entry.line, "views: \(added.count) new views, but only \(room) number keys are free (5-9, 0)")
        }
        return views
    }
}
