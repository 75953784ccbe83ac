import EnvtopCore
import EnvtopUI
import EnvtopRuntime
import Foundation

/// A screen that records the commands the runtime sends instead of painting them, so a test can
/// read every frame as text (`Screen.text`) and check the order of everything else.
public final class RecordingTerminal: TerminalOutput, @unchecked Sendable {
    public let size: Size
    private let lock = NSLock()
    private var recorded: [TerminalCommand] = []

    public init(size: Size = Size(width: 120, height: 40)) {
        self.size = size
    }

    public func send(_ command: TerminalCommand) {
        lock.withLock { recorded.append(command) }
    }

    /// Everything sent so far, in order.
    public var commands: [TerminalCommand] { lock.withLock { recorded } }

    /// The frames presented so far, in order.
    public var frames: [Screen] {
        commands.compactMap { if case .present(let screen) = $0 { screen } else { nil } }
    }

    public var lastFrame: Screen? { frames.last }

    /// The first frame, among those presented after the first `skipping` frames, for which
    /// `predicate` holds; waits for it up to `timeout`, nil if none came.
    public func frame(
        skipping: Int = 0, within timeout: Duration = .seconds(10), where predicate: (Screen) -> Bool
    ) async -> Screen? {
        var found: Screen?
        _ = await eventually(within: timeout) {
            found = frames.dropFirst(skipping).first(where: predicate)
            return found != nil
        }
        return found
    }
}
