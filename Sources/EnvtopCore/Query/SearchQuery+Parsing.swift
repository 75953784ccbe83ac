import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension SearchQuery {
    /// The qualifiers the search line knows, for error messages and suggestions.
    public static let qualifiers = ["state", "env", "hb", "age", "instate", "meta.KEY", "session", "attention"]

    /// Reads the search line. Words are separated by spaces; `"…"` keeps spaces in a word or a
    /// value; a word `name:value` or `name>duration` with a known name is a qualifier; anything
    /// else is free text. An error names the character where reading failed.
    public static func parse(_ text: String) -> Result<SearchQuery, QuerySyntaxError> {
        do {
            return .success(SearchQuery(terms: try words(in: text).map(term)))
        } catch {
            return .failure(error)
        }
    }

    /// A word of the query with the character offset it starts at.
    struct Word {
        var text: String
        var position: Int
        /// The word was written in quotes: always free text.
        var quoted: Bool
    }

    static func words(in text: String) throws(QuerySyntaxError) -> [Word] {
        var words: [Word] = []
        var current = ""
        var start = 0
        var quoteStart: Int?
        var wasQuoted = false
        for (offset, c) in text.enumerated() {
            if c == "\"" {
                if quoteStart == nil {
                    if current.isEmpty { start = offset }
                    quoteStart = offset
                    wasQuoted = current.isEmpty || current == "-"
                } else {
                    quoteStart = nil
                }
                continue
            }
            if c == " " && quoteStart == nil {
                if !current.isEmpty || wasQuoted { words.append(Word(text: current, position: start, quoted: wasQuoted)) }
                current = ""
                wasQuoted = false
                continue
            }
            if current.isEmpty && !wasQuoted { start = offset }
            current.append(c)
        }
        if let open = quoteStart { throw QuerySyntaxError(position: open, message: "this quote is never closed") }
        if !current.isEmpty || wasQuoted { words.append(Word(text: current, position: start, quoted: wasQuoted)) }
        return words
    }

    static func term(_ word: Word) throws(QuerySyntaxError) -> Term {
        var text = Substring(word.text)
        var position = word.position
        let negated = text.hasPrefix("-") && (text.count > 1 || word.quoted)
        if negated {
            text = text.dropFirst()
            position += 1
        }
        if word.quoted {
            return Term(negated: negated, try freeText(text, at: position))
        }
        guard let split = text.firstIndex(where: { $0 == ":" || $0 == ">" || $0 == "<" }) else {
            return Term(negated: negated, try freeText(text, at: position))
        }
        let name = text[..<split].lowercased()
        var rest = text[split...]
        var op = String(rest.removeFirst())
        if op != ":", rest.first == "=" {
            op += "="
            rest.removeFirst()
        }
        let valueAt = position + text.distance(from: text.startIndex, to: rest.startIndex)
        let value = String(rest)
        if name.isEmpty {
            throw QuerySyntaxError(position: position, message: "'\(op)' needs a qualifier before it (\(Self.qualifiers.joined(separator: ", ")))")
        }
        let condition = try qualifier(name, op: op, value: value, at: position, valueAt: valueAt)
        return Term(negated: negated, condition)
    }

    static func freeText(_ text: Substring, at position: Int) throws(QuerySyntaxError) -> Condition {
        if text.isEmpty { throw QuerySyntaxError(position: position, message: "nothing to search for after '-'") }
        return .text(Array(text.lowercased().utf8))
    }

    static func qualifier(_ name: String, op: String, value: String, at position: Int, valueAt: Int) throws(QuerySyntaxError) -> Condition {
        func needsValue(_ example: String) throws(QuerySyntaxError) {
            if value.isEmpty { throw QuerySyntaxError(position: valueAt, message: "\(name)\(op) needs a value, e.g. \(example)") }
        }
        func colonOnly(_ example: String) throws(QuerySyntaxError) {
            if op != ":" { throw QuerySyntaxError(position: valueAt - op.count, message: "\(name) takes ':', e.g. \(example)") }
            try needsValue(example)
        }
        func comparison(_ example: String) throws(QuerySyntaxError) -> Comparison {
            guard let comparisonOp = Comparison.Operator(rawValue: op) else {
                throw QuerySyntaxError(position: valueAt - op.count, message: "\(name) takes >, >=, < or <=, e.g. \(example)")
            }
            try needsValue(example)
            guard let seconds = QueryDuration.seconds(value) else {
                throw QuerySyntaxError(position: valueAt, message: "'\(value)' is not a duration (e.g. 90s, 10m, 2h, 1h30m)")
            }
            return Comparison(comparisonOp, seconds)
        }
        switch name {
        case "state":
            try colonOnly("state:stopping")
            guard let state = WorkState.known.first(where: { $0.rawValue == value.lowercased() }) else {
                let states = WorkState.known.map(\.rawValue)
                throw QuerySyntaxError(
                    position: valueAt,
                    message: "'\(value)' is not a state\(Suggestion.hint(for: value, in: states)) (states: \(states.joined(separator: ", ")))")
            }
            return .state(state)
        case "env":
            try colonOnly("env:prod")
            return .environment(value.lowercased())
        case "hb":
            if op == ":" && value.lowercased() == "none" { return .noHeartbeat }
            if op == ":" { throw QuerySyntaxError(position: valueAt - 1, message: "hb takes >, >=, < or <= (e.g. hb>60s), or hb:none") }
            return .heartbeat(try comparison("hb>60s"))
        case "age": return .age(try comparison("age>10m"))
        case "instate": return .inState(try comparison("instate>5m"))
        case "session":
            try colonOnly("session:sess_01")
            return .session(value.lowercased())
        case "attention":
            try colonOnly("attention:any")
            let reason = value.lowercased()
            if reason == "any" { return .attention(nil) }
            guard Attention.queryNames.contains(reason) else {
                let names = ["any"] + Attention.queryNames
                throw QuerySyntaxError(
                    position: valueAt,
                    message: "'\(value)' is not a reason\(Suggestion.hint(for: value, in: names)) (reasons: \(names.joined(separator: ", ")))")
            }
            return .attention(reason)
        default:
            if name.hasPrefix("meta.") {
                let key = String(name.dropFirst(5))
                if key.isEmpty { throw QuerySyntaxError(position: position + 5, message: "meta. needs a key, e.g. meta.ticket:INC-1") }
                try colonOnly("meta.\(key):value or meta.\(key):*")
                return .metadata(key: key, value: value == "*" ? nil : value.lowercased())
            }
            let known = ["state", "env", "hb", "age", "instate", "session", "attention", "meta"]
            throw QuerySyntaxError(
                position: position,
                message: "'\(name)' is not a qualifier\(Suggestion.hint(for: name, in: known)) (qualifiers: \(Self.qualifiers.joined(separator: ", ")); quote text with \" to search for it)")
        }
    }
}
