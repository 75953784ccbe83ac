import EnvtopCore
import EnvtopModels
import Foundation
import Testing

/// The search line's query language: every qualifier on a loaded state, negation, quoting, and
/// bad input with the column where reading failed.
@Suite("Search query language")
struct SearchQueryTests {
    typealias F = StateFixtures

    /// Five items that differ in every way a qualifier can tell apart.
    static func loaded() -> AppState {
        var stale = F.item(1, state: .active, createdSecondsAgo: 3600, heartbeatSecondsAgo: 400, metadata: ["team": "infra", "ticket": "INC-1"])
        stale.data = WorkData(id: "sess_alpha")
        let fresh = F.item(2, state: .active, createdSecondsAgo: 120, heartbeatSecondsAgo: 5, metadata: ["team": "web"])
        let stopping = F.item(3, state: .stopping, createdSecondsAgo: 900, heartbeatSecondsAgo: 30)
        let queuedOld = F.item(4, state: .queued, createdSecondsAgo: 1200)
        let queuedNew = F.item(5, state: .queued, createdSecondsAgo: 30)
        return F.loaded([stale, fresh, stopping, queuedOld, queuedNew])
    }

    /// The item numbers the list shows after typing `query` into the search line.
    static func shown(_ query: String, in state: AppState = loaded()) -> [Int] {
        var s = state
        _ = s.apply(.key(.character("/")))
        _ = s.apply(.paste(query))
        return (0..<s.visible.count).map { Int(s.visible.ids[$0].dropFirst(5))! }.sorted()
    }

    static func error(_ query: String) -> QuerySyntaxError? {
        if case .failure(let e) = SearchQuery.parse(query) { return e }
        return nil
    }

    @Test("each qualifier picks out exactly its items")
    func qualifiers() {
        #expect(Self.shown("state:active") == [1, 2])
        #expect(Self.shown("state:QUEUED") == [4, 5])
        #expect(Self.shown("hb>60s") == [1])
        #expect(Self.shown("hb<=30s") == [2, 3])
        #expect(Self.shown("hb:none") == [4, 5])
        #expect(Self.shown("age>10m") == [1, 3, 4])
        #expect(Self.shown("age<1h") == [2, 3, 4, 5])
        #expect(Self.shown("instate>5m state:queued") == [4])
        #expect(Self.shown("meta.team:infra") == [1])
        #expect(Self.shown("meta.team:*") == [1, 2])
        #expect(Self.shown("meta.ticket:inc") == [1])
        #expect(Self.shown("session:alpha") == [1])
        #expect(Self.shown("attention:any") == [1, 4])  // 4: queued 20 min while workers poll
        #expect(Self.shown("attention:stale") == [1])
        #expect(Self.shown("env:test") == [1, 2, 3, 4, 5])
        #expect(Self.shown("env:elsewhere") == [])
    }

    @Test("- negates any term; words and qualifiers combine with AND; quotes keep a colon as text")
    func negationAndCombination() {
        #expect(Self.shown("-state:queued") == [1, 2, 3])
        #expect(Self.shown("-state:queued -meta.team:*") == [3])
        #expect(Self.shown("-attention:any state:active") == [2])
        #expect(Self.shown("team=web") == [2])
        #expect(Self.shown("-team=web state:active") == [1])
        #expect(Self.shown("\"team=infra\"") == [1])
        #expect(Self.shown("\"state:active\"") == [])  // text, not a qualifier: no item holds it
        #expect(Self.shown("meta.ticket:\"INC-1\"") == [1])
    }

    @Test("durations: units, combinations and bare seconds")
    func durations() {
        #expect(QueryDuration.seconds("90s") == 90)
        #expect(QueryDuration.seconds("10m") == 600)
        #expect(QueryDuration.seconds("1h30m") == 5400)
        #expect(QueryDuration.seconds("2d") == 172_800)
        #expect(QueryDuration.seconds("45") == 45)
        #expect(QueryDuration.seconds("10x") == nil)
        #expect(QueryDuration.seconds("m") == nil)
        #expect(QueryDuration.seconds("5m3") == nil)
    }

    @Test("bad input names the column where it failed and what was expected")
    func badInput() throws {
        let state = try #require(Self.error("team state:stoping"))
        #expect(state.position == 11)
        #expect(state.message.contains("'stoping' is not a state (did you mean 'stopping'?)"))
        let unknown = try #require(Self.error("stat:active"))
        #expect(unknown.position == 0)
        #expect(unknown.message.contains("'stat' is not a qualifier (did you mean 'state'?)"))
        let duration = try #require(Self.error("hb>sixty"))
        #expect(duration.position == 3)
        #expect(duration.message.contains("not a duration"))
        #expect(try #require(Self.error("age:10m")).position == 3)
        #expect(try #require(Self.error("hb>")).message.contains("needs a value"))
        #expect(try #require(Self.error("x \"open")).position == 2)
        #expect(try #require(Self.error("attention:lots")).message.contains("reasons: any, stale"))
        #expect(try #require(Self.error("-\"\"")).message.contains("nothing to search for"))
        #expect(Self.error("-") == nil)  // a lone dash is searched for
        #expect(try #require(Self.error(":x")).position == 0)
        #expect(try #require(Self.error("meta.:x")).position == 5)
        #expect(try #require(Self.error("-state>5m")).position == 6)
    }

    @Test("a query that does not read leaves the list as it was and says where; mending it lists again")
    func errorKeepsList() {
        var s = Self.loaded()
        _ = s.apply(.key(.character("/")))
        _ = s.apply(.paste("state:active"))
        #expect(s.visible.count == 2)
        _ = s.apply(.key(.backspace))  // "state:activ": not a state
        #expect(s.search.error?.position == 6)
        #expect(s.visible.count == 2)
        _ = s.apply(.key(.enter))  // cannot be kept while it does not read
        #expect(s.search.isEditing)
        _ = s.apply(.key(.character("e")))
        #expect(s.search.error == nil)
        #expect(s.visible.count == 2)
        _ = s.apply(.key(.enter))
        #expect(!s.search.isEditing)
    }

    @Test("narrowing plain words by typing gives the same rows as searching afresh")
    func narrowingMatchesFresh() {
        var typed = Self.loaded()
        _ = typed.apply(.key(.character("/")))
        for c in "work_ 0004" { _ = typed.apply(.key(.character(c))) }
        #expect(Self.shown("work_ 0004") == [4])
        #expect(typed.visible.ids == [F.item(4).id])
        // A negated word that grows shows more, not fewer: it is searched afresh.
        var negated = Self.loaded()
        _ = negated.apply(.key(.character("/")))
        for c in "-0000" { _ = negated.apply(.key(.character(c))) }
        #expect(negated.visible.count == 0)
        _ = negated.apply(.key(.character("1")))
        #expect(negated.visible.count == 4)
    }
}
