#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads envtop's small YAML files (themes and the config) strictly: the top is a mapping, keys
/// are strings, and a key given twice is an error rather than a silent last-one-wins. Every
/// problem comes back as a `SettingsFileError` naming the file and the line.
public struct YAMLReader {
    public let file: String

    public init(file: String) { self.file = file }

    /// The entries of the top-level mapping; an empty file has none.
    public func root(of text: String) throws(SettingsFileError) -> [YAMLEntry] {
        let node: YAMLNode?
        do {
            node = try YAMLComposer.compose(text)
        } catch {
            throw syntaxError(error, in: text)
        }
        guard let node else { return [] }
        if case .scalar(let scalar) = node, scalar.style == .plain, scalar.string.isEmpty { return [] }
        return try entries(of: node, named: "the file", line: node.mark?.line ?? 1)
    }

    /// The entries of a mapping value, in file order; `name` says what it is in errors.
    public func entries(of node: YAMLNode, named name: String, line: Int) throws(SettingsFileError) -> [YAMLEntry] {
        guard case .mapping(let mapping) = node else {
            throw fail(node.mark?.line ?? line, "\(name) must be a mapping of `key: value` lines")
        }
        var result: [YAMLEntry] = []
        var firstLine: [String: Int] = [:]
        for (keyNode, value) in mapping {
            let keyLine = keyNode.mark?.line ?? line
            guard case .scalar(let key) = keyNode else {
                throw fail(keyLine, "a key in \(name) must be a plain word, not a list or mapping")
            }
            if let first = firstLine[key.string] {
                throw fail(keyLine, "duplicate key '\(key.string)' (first set on line \(first))")
            }
            firstLine[key.string] = keyLine
            result.append(YAMLEntry(key: key.string, value: value, line: keyLine))
        }
        return result
    }

    /// The value as text; `what` names it in errors (e.g. "theme").
    public func string(_ entry: YAMLEntry, what: String) throws(SettingsFileError) -> String {
        guard !entry.isNull else { throw fail(entry.line, "\(what) has no value") }
        guard case .scalar(let scalar) = entry.value else {
            throw fail(entry.valueLine, "\(what) must be a single value, not a list or mapping")
        }
        return scalar.string
    }

    /// The value as a number of seconds (or any decimal), at least `minimum`.
    public func number(_ entry: YAMLEntry, what: String, minimum: Double) throws(SettingsFileError) -> Double {
        let text = try string(entry, what: what)
        guard let value = Double(text.trimmed()), value.isFinite else {
            throw fail(entry.valueLine, "\(what) must be a number (got '\(text)')")
        }
        guard value >= minimum else {
            throw fail(entry.valueLine, "\(what) must be at least \(Self.format(minimum)) (got \(text))")
        }
        return value
    }

    /// The value as `true` or `false` (YAML's yes/no/on/off are accepted too).
    public func bool(_ entry: YAMLEntry, what: String) throws(SettingsFileError) -> Bool {
        let text = try string(entry, what: what)
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw fail(entry.valueLine, "\(what) must be true or false (got '\(text)')")
        }
    }

    public func fail(_ line: Int?, _ message: String) -> SettingsFileError {
        SettingsFileError(file: file, line: line, message: message)
    }

    /// libyaml's complaint, at the line and column it points to.
    private func syntaxError(_ error: YAMLSyntaxError, in text: String) -> SettingsFileError {
        switch error {
        case .syntax(let problem, let mark, let context, let contextMark):
            let around = context.map { context in
                guard let contextMark, contextMark.line != mark.line else { return " (\(context))" }
                return " (\(context) from line \(contextMark.line))"
            } ?? ""
            return fail(mark.line, "YAML syntax error at column \(mark.column): \(problem)\(around)")
        case .reader(let problem, let offset):
            let line = text.utf8.prefix(offset).filter { $0 == UInt8(ascii: "\n") }.count + 1
            return fail(line, "cannot read the text: \(problem)")
        case .other(let problem):
            return fail(nil, "cannot read it as YAML: \(problem)")
        }
    }

    /// `0.5` stays `0.5`; `1.0` prints as `1`.
    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
