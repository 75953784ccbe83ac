import EnvtopSimulator
import Foundation

/// A fixture keeps its files (the env file with the simulator's keys, config, log, recordings)
/// in one private folder, the one holding `envFile`; it is removed when the test ends, so a
/// test run leaves nothing behind in the temporary directory.
protocol FixtureFiles {
    var envFile: String { get }
}

extension FixtureFiles {
    /// A new, empty folder for a fixture's files.
    static func makeFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("envtop-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Removes the fixture's folder only (for a test that stops its simulators itself).
    func removeFiles() {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: envFile).deletingLastPathComponent())
    }
}

/// A fixture with one simulator.
protocol SimulatorFixture: FixtureFiles {
    var server: SimulatorServer { get }
}

extension SimulatorFixture {
    /// Stops the simulator and removes the fixture's folder.
    func dispose() {
        let server = server
        Task { await server.shutdown() }
        removeFiles()
    }
}
