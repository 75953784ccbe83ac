import EnvtopCore
import EnvtopModels
import EnvtopUI
import Foundation
import Testing

/// The metadata editor: a draft changed key by key, the merge patch previewed and sent once,
/// validation before sending, an API error that keeps the draft, and the profile's `allow:`.
@Suite("Metadata editor")
struct MetadataEditorTests {
    typealias F = StateFixtures

    static func state(allowed: Set<Permission> = Set(Permission.allCases), readOnly: Bool = false) -> AppState {
        var env = WatchedEnvironment(id: F.env)
        env.allowed = allowed
        var s = AppState(options: .init(environments: [env], readOnly: readOnly, refreshInterval: 2), size: Size(width: 120, height: 40), now: F.t0)
        F.answer(&s, s.apply(.tick(F.t0)), pages: [[F.item(1, metadata: ["team": "infra", "old": "x"])]])
        return s
    }

    static func type(_ s: inout AppState, _ text: String) -> [Effect] {
        text.flatMap { s.apply(.key(.character($0))) }
    }

    static func editor(_ s: AppState) -> MetadataEditor? {
        if case .metadata(let e) = s.overlay { e } else { nil }
    }

    @Test("add a key, change one, delete one: the review shows the merge patch and y sends exactly it, once")
    func editAndSend() throws {
        var s = Self.state()
        _ = s.apply(.key(.character("m")))
        #expect(s.keyScope == .metadataEditor)
        #expect(try #require(Self.editor(s)).keys == ["old", "team"])
        _ = s.apply(.key(.character("d")))  // "old" is the first row
        _ = s.apply(.key(.character("a")))
        #expect(s.keyScope == .metadataField)
        _ = Self.type(&s, "ticket")
        _ = s.apply(.key(.enter))
        _ = s.apply(.paste("INC-123"))
        _ = s.apply(.key(.enter))
        _ = s.apply(.key(.up))  // rows: old, team, ticket; from ticket up to team
        _ = s.apply(.key(.enter))
        _ = s.apply(.key(.backspace))
        _ = s.apply(.key(.backspace))
        _ = s.apply(.key(.backspace))
        _ = s.apply(.key(.backspace))
        _ = s.apply(.key(.backspace))
        _ = Self.type(&s, "web")
        _ = s.apply(.key(.enter))
        let draft = try #require(Self.editor(s))
        #expect(draft.patch == MetadataPatch(["ticket": "INC-123", "team": "web", "old": String?.none]))
        _ = s.apply(.key(.character("w")))
        #expect(Self.editor(s)?.stage == .preview)
        #expect(DashboardView.render(s).text.contains(#"{"old":null,"team":"web","ticket":"INC-123"}"#))
        let effects = s.apply(.key(.character("y")))
        #expect(effects == [.updateMetadata(environmentID: F.env, workID: F.item(1).id, patch: draft.patch)])
        // Typed again while it is on its way: nothing more is sent.
        #expect(s.apply(.key(.character("y"))).isEmpty)
        #expect(s.apply(.key(.character("w"))).isEmpty)
        var updated = F.item(1, metadata: ["team": "web", "ticket": "INC-123"])
        updated.id = F.item(1).id
        let after = s.apply(.metadataUpdated(environmentID: F.env, workID: F.item(1).id, .success(updated), at: F.t0))
        #expect(s.overlay == nil)
        #expect(after == [.fetchItem(environmentID: F.env, workID: F.item(1).id)])
        #expect(s.item(ItemRef(environmentID: F.env, workID: F.item(1).id))?.metadata == ["team": "web", "ticket": "INC-123"])
        #expect(NoticeWording.text(s.flash!.notice).hasPrefix("Metadata of \(F.item(1).id) updated (3 keys)"))
    }

    @Test("an API error brings the editor back with the draft; the reason is on screen")
    func errorKeepsDraft() throws {
        var s = Self.state()
        _ = s.apply(.key(.character("m")))
        _ = s.apply(.key(.character("a")))
        _ = s.apply(.paste("ticket"))
        _ = s.apply(.key(.enter))
        _ = s.apply(.paste("INC-9"))
        _ = s.apply(.key(.enter))
        _ = s.apply(.key(.character("w")))
        _ = s.apply(.key(.character("y")))
        let refusal = APIError.http(status: 403, type: "permission_error", message: "this key may not edit metadata", requestID: "req_1", details: nil)
        _ = s.apply(.metadataUpdated(environmentID: F.env, workID: F.item(1).id, .failure(refusal), at: F.t0))
        let editor = try #require(Self.editor(s))
        #expect(editor.stage == .list)
        #expect(editor.draft["ticket"] == "INC-9")
        #expect(DashboardView.render(s).text.contains("Refused; your changes are kept"))
        // Sent again from the same draft.
        _ = s.apply(.key(.character("w")))
        #expect(s.apply(.key(.character("y"))).count == 1)
    }

    @Test("validation before sending: empty or spaced keys, too many keys, nothing changed")
    func validation() throws {
        var s = Self.state()
        _ = s.apply(.key(.character("m")))
        _ = s.apply(.key(.character("w")))
        #expect(Self.editor(s)?.problem?.contains("nothing changed") == true)
        _ = s.apply(.key(.character("a")))
        _ = s.apply(.key(.enter))
        #expect(Self.editor(s)?.problem == "a key cannot be empty")
        _ = s.apply(.paste("two words"))
        _ = s.apply(.key(.enter))
        #expect(Self.editor(s)?.problem == "a key cannot contain spaces")
        _ = s.apply(.key(.escape))
        for n in 0..<15 {
            _ = s.apply(.key(.character("a")))
            _ = s.apply(.paste("k\(n)"))
            _ = s.apply(.key(.enter))
            _ = s.apply(.paste("v"))
            _ = s.apply(.key(.enter))
        }
        #expect(Self.editor(s)?.draft.count == 17)
        #expect(s.apply(.key(.character("w"))).isEmpty)
        #expect(Self.editor(s)?.problem?.contains("at most 16 keys") == true)
        #expect(MetadataLimits.problem(key: String(repeating: "k", count: 65))?.contains("at most 64") == true)
    }

    @Test("read-only and a profile without update_metadata: the editor never opens and no update is produced")
    func permissions() {
        for (allowed, readOnly) in [(Set<Permission>([.stop, .forceStop]), false), (Set(Permission.allCases), true)] {
            var s = Self.state(allowed: allowed, readOnly: readOnly)
            var effects = s.apply(.key(.character("m")))
            effects += s.apply(.key(.character("a")))
            effects += s.apply(.paste("k"))
            effects += s.apply(.key(.enter))
            effects += s.apply(.key(.character("w")))
            effects += s.apply(.key(.character("y")))
            #expect(s.overlay == nil)
            #expect(!effects.contains { if case .updateMetadata = $0 { true } else { false } })
        }
    }
}
