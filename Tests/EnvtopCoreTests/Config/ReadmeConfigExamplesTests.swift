import EnvtopCore
import Foundation
import Testing

/// The config examples in README.md are read by the real parser: a documented example that
/// envtop would refuse is a failing test, not a surprise for the operator who copies it.
@Suite("README's config examples")
struct ReadmeConfigExamplesTests {
    /// Every ```yaml block of README.md that is a config file (not a theme).
    static func blocks() throws -> [String] {
        let text = try RepositoryFiles.text("README.md")
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```yaml" { current = [] } else if line == "```", let lines = current {
                blocks.append(lines.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current?.append(line)
            }
        }
        return blocks.filter { !$0.contains("roles:") && !$0.contains("palette:") }
    }

    @Test("every config example in README.md parses")
    func examplesParse() throws {
        let blocks = try Self.blocks()
        #expect(blocks.contains { $0.contains("keys:") } && blocks.contains { $0.contains("views:") })
        for block in blocks {
            #expect(throws: Never.self, "\(block)") { _ = try EnvtopConfig.parse(block, file: "README.md") }
        }
    }
}
