/// Checks `condition` every couple of milliseconds until it holds or `timeout` passes; true when
/// it held. Tests wait for behaviour this way instead of sleeping a fixed time: fast when the
/// code is fast, and still patient on a loaded machine.
public func eventually(
    within timeout: Duration = .seconds(10), isolation: isolated (any Actor)? = #isolation,
    _ condition: () async -> Bool
) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while true {
        if await condition() { return true }
        if ContinuousClock.now >= deadline { return false }
        try? await Task.sleep(for: .milliseconds(2))
    }
}
