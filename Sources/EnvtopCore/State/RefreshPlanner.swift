/// Decides which pages a refresh cycle reads.
///
/// The first load walks every page once. After that a cycle reads a small constant set: the first
/// page (new work appears there, newest first), the pages holding the rows on screen, the next
/// page of the running `Sweep` (so the whole list is re-read over time and what the API forgot
/// is removed), and the last page when there is room. This keeps requests per refresh constant
/// however many items the environment holds.
public enum RefreshPlanner {
    /// The most page requests one steady-state cycle makes (besides stats).
    public static let maxPagesPerCycle = 4

    public static func pages(store: WorkStore, visiblePages: [Int], sweepPage: Int) -> [Int] {
        guard let last = store.lastPageIndex else {
            // Still walking: continue from the last page we have a cursor for.
            return [store.knownPageCount - 1]
        }
        var plan: [Int] = []
        func add(_ index: Int) {
            if index >= 0, index <= last, !plan.contains(index), plan.count < maxPagesPerCycle { plan.append(index) }
        }
        add(0)
        for page in visiblePages.prefix(2) { add(page) }
        add(min(sweepPage, last))
        add(last)
        return plan
    }
}
