/// Decides which pages a refresh cycle reads.
///
/// The first load walks every page once. After that a cycle reads a small constant set: the first
/// page and the last page (new work appears at one end, whichever order the server uses), the pages
/// holding the rows on screen, and one more page in rotation so that the whole list is re-read over
/// time. This keeps requests per refresh constant however many items the environment holds.
public enum RefreshPlanner {
    /// The most page requests one steady-state cycle makes (besides stats).
    public static let maxPagesPerCycle = 4

    public static func pages(
        store: WorkStore, visiblePages: [Int], sweepCursor: Int
    ) -> [Int] {
        guard let last = store.lastPageIndex else {
            // Still walking: continue from the last page we have a cursor for.
            return [store.knownPageCount - 1]
        }
        var plan: [Int] = []
        func add(_ index: Int) {
            if index >= 0, index <= last, !plan.contains(index), plan.count < maxPagesPerCycle { plan.append(index) }
        }
        add(0)
        for page in visiblePages { add(page) }
        add(last)
        if last > 0 { add(sweepCursor % (last + 1)) }
        return plan
    }
}
