import EnvtopCore
import EnvtopModels
import EnvtopTesting
import Foundation
import Testing

@testable import EnvtopRuntime

@Suite("Audit log: 0600, appended whole under two writers, and no stop without it")
struct AuditLogTests {
    static func tempDir() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("envtop-audit-\(UUID().uuidString)").path
        return dir
    }

    static func record(_ n: Int) -> AuditRecord {
        AuditRecord(time: Date(), user: "op@box", profile: "prod", environment: "env_1", workID: "work_\(n)", action: "force_stop", result: "ok")
    }

    @Test("created with mode 0600 in a 0700 directory; each append one line")
    func modeAndLines() throws {
        let log = AuditLog(path: Self.tempDir() + "/envtop/audit.jsonl")
        try log.append(Self.record(1))
        try log.append(Self.record(2))
        let attributes = try FileManager.default.attributesOfItem(atPath: log.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let directory = try FileManager.default.attributesOfItem(atPath: (log.path as NSString).deletingLastPathComponent)
        #expect((directory[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        let (records, bad) = try log.read()
        #expect(records.map(\.workID) == ["work_1", "work_2"])
        #expect(bad.isEmpty)
    }

    @Test("two writers appending at once: every line whole, none lost")
    func twoWriters() async throws {
        let log = AuditLog(path: Self.tempDir() + "/audit.jsonl")
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    for n in 0..<200 { try? log.append(Self.record(writer * 1000 + n)) }
                }
            }
        }
        let (records, bad) = try log.read()
        #expect(records.count == 400)
        #expect(bad.isEmpty)
    }

    @Test("a corrupt line is reported with its number and skipped")
    func corruptLine() throws {
        let log = AuditLog(path: Self.tempDir() + "/audit.jsonl")
        try log.append(Self.record(1))
        let handle = try #require(FileHandle(forWritingAtPath: log.path))
        handle.seekToEndOfFile()
        handle.write(Data("{not json\n".utf8))
        try handle.close()
        try log.append(Self.record(3))
        let (records, bad) = try log.read()
        #expect(records.map(\.workID) == ["work_1", "work_3"])
        #expect(bad == [AuditLog.BadLine(line: 2, why: "not an audit record")])
    }

    @Test("an unwritable log refuses the stop: nothing is sent, and the state hears why")
    func unwritableRefuses() async throws {
        let blocked = Self.tempDir()
        // A file where the log's directory should be: the directory cannot be created.
        _ = FileManager.default.createFile(atPath: blocked, contents: Data("x".utf8))
        let api = FakeDashboardAPI(items: [FakeWork.item(1, state: .active)])
        let trail = AuditTrail(log: AuditLog(path: blocked + "/envtop/audit.jsonl"), user: "op@box", profiles: [:])
        let runner = EffectRunner(api: api, audit: trail)
        var themes = ThemeRing(themes: [])
        guard case .call(let call) = runner.plan(.stop(environmentID: FakeWork.environmentID, workID: "work_0001", mode: .force), themes: &themes)
        else { Issue.record("a stop is a call"); return }
        let event = await call()
        guard case .stopFinished(_, _, _, .failure(.notSent(let why)), _) = event else { Issue.record("not refused: \(event)"); return }
        #expect(why.contains("cannot be written"))
        #expect(await api.calls.allSatisfy { if case .stopWork = $0 { false } else { true } })
    }

    @Test("a stop writes its attempt before the call and its result after, with the batch it belongs to")
    func attemptAndResult() async throws {
        let api = FakeDashboardAPI(items: [FakeWork.item(1, state: .active)])
        let log = AuditLog(path: Self.tempDir() + "/audit.jsonl")
        let runner = EffectRunner(api: api, audit: AuditTrail(log: log, user: "op@box", profiles: [FakeWork.environmentID: "prod"]))
        var themes = ThemeRing(themes: [])
        let effect = Effect.stop(environmentID: FakeWork.environmentID, workID: "work_0001", mode: .force, batch: BatchTag(number: 2, position: 1))
        guard case .call(let call) = runner.plan(effect, themes: &themes) else { Issue.record("a stop is a call"); return }
        _ = await call()
        let (records, _) = try log.read()
        #expect(records.map(\.result) == ["attempt", "ok"])
        #expect(records.allSatisfy { $0.action == "force_stop" && $0.profile == "prod" && $0.batch == 2 && $0.position == 1 && $0.user == "op@box" })
    }
}

extension AuditLogTests {
    @Test("record_reason: the reason goes into the item's metadata before the stop; both are audited with it")
    func reasonRecordedBeforeStop() async throws {
        let api = FakeDashboardAPI(items: [FakeWork.item(1, state: .active)])
        let log = AuditLog(path: Self.tempDir() + "/audit.jsonl")
        let runner = EffectRunner(api: api, audit: AuditTrail(log: log, user: "op@box", profiles: [:]))
        var themes = ThemeRing(themes: [])
        let effect = Effect.stop(
            environmentID: FakeWork.environmentID, workID: "work_0001", mode: .force,
            note: StopNote(reason: "INC-7: wedged after deploy", record: true))
        guard case .call(let call) = runner.plan(effect, themes: &themes) else { Issue.record("a stop is a call"); return }
        _ = await call()
        let calls = await api.calls.filter { if case .updateMetadata = $0 { true } else if case .stopWork = $0 { true } else { false } }
        #expect(calls == [
            .updateMetadata(environmentID: FakeWork.environmentID, workID: "work_0001"),
            .stopWork(environmentID: FakeWork.environmentID, workID: "work_0001", mode: .force),
        ])
        let item = try await api.getWork(environmentID: FakeWork.environmentID, workID: "work_0001")
        #expect(item.metadata["envtop_stopped_by"] == "op@box")
        #expect(item.metadata["envtop_stop_reason"] == "INC-7: wedged after deploy")
        let (records, _) = try log.read()
        #expect(records.map(\.action) == ["force_stop", "update_metadata", "update_metadata", "force_stop"])
        #expect(records.allSatisfy { $0.reason == "INC-7: wedged after deploy" })
        #expect(records[1].patch?["envtop_stop_reason"] == .string("INC-7: wedged after deploy"))
    }

    @Test("without record_reason the reason is only audited: no metadata call")
    func reasonOnlyAudited() async throws {
        let api = FakeDashboardAPI(items: [FakeWork.item(1, state: .active)])
        let log = AuditLog(path: Self.tempDir() + "/audit.jsonl")
        let runner = EffectRunner(api: api, audit: AuditTrail(log: log, user: "op@box", profiles: [:]))
        var themes = ThemeRing(themes: [])
        let effect = Effect.stop(
            environmentID: FakeWork.environmentID, workID: "work_0001", mode: .graceful, note: StopNote(reason: "draining host", record: false))
        guard case .call(let call) = runner.plan(effect, themes: &themes) else { Issue.record("a stop is a call"); return }
        _ = await call()
        #expect(await api.calls.allSatisfy { if case .updateMetadata = $0 { false } else { true } })
        let (records, _) = try log.read()
        #expect(records.map(\.reason) == ["draining host", "draining host"])
    }
}

extension AuditLogTests {
    @Test("a full disk (/dev/full) refuses the record, so neither a stop nor a metadata update is sent")
    func fullDiskRefuses() async throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let log = AuditLog(path: "/dev/full")
        #expect(throws: AuditLog.Failure.self) { try log.append(Self.record(1)) }
        let api = FakeDashboardAPI(items: [FakeWork.item(1, state: .active)])
        let runner = EffectRunner(api: api, audit: AuditTrail(log: log, user: "op@box", profiles: [:]))
        var themes = ThemeRing(themes: [])
        for effect in [
            Effect.stop(environmentID: FakeWork.environmentID, workID: "work_0001", mode: .force),
            Effect.updateMetadata(environmentID: FakeWork.environmentID, workID: "work_0001", patch: MetadataPatch(["ticket": "INC-1"])),
        ] {
            guard case .call(let call) = runner.plan(effect, themes: &themes) else { Issue.record("a call"); return }
            let event = await call()
            switch event {
            case .stopFinished(_, _, _, .failure(.notSent(let why)), _), .metadataUpdated(_, _, .failure(.notSent(let why)), _):
                #expect(why.contains("No space left on device"), "\(why)")
            default:
                Issue.record("not refused: \(event)")
            }
        }
        #expect(await api.calls.allSatisfy { call in
            if case .stopWork = call { return false }
            if case .updateMetadata = call { return false }
            return true
        })
    }
}
