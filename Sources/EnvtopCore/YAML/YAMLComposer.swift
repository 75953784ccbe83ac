import CLibYAML

/// Builds a `YAMLNode` tree from libyaml's parse events: the one document of a file, with
/// anchors and aliases resolved. An explicit stack (not recursion) keeps a hostile, deeply
/// nested file from exhausting the call stack, and `maximumDepth` bounds it anyway.
public enum YAMLComposer {
    public static let maximumDepth = 64

    /// The document's root node; nil for an empty file (nothing but comments or blanks).
    public static func compose(_ text: String) throws(YAMLSyntaxError) -> YAMLNode? {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return nil }
        return try bytes.withUnsafeMutableBufferPointer { buffer throws(YAMLSyntaxError) -> YAMLNode? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { throw .other("libyaml could not start") }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var builder = Builder()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { throw error(of: parser) }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                try builder.take(event)
            }
            return builder.root
        }
    }

    private static func error(of parser: yaml_parser_t) -> YAMLSyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            return .reader(problem: problem, offset: parser.problem_offset)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            return .syntax(
                problem: problem, mark: mark(parser.problem_mark),
                context: parser.context.map { String(cString: $0) },
                contextMark: parser.context == nil ? nil : mark(parser.context_mark))
        default:
            return .other(problem)
        }
    }

    static func mark(_ mark: yaml_mark_t) -> YAMLNode.Mark {
        YAMLNode.Mark(line: mark.line + 1, column: mark.column + 1)
    }

    /// The composing state: open collections on a stack, anchors by name.
    private struct Builder {
        enum Open {
            case mapping(YAMLNode.Mapping, pendingKey: YAMLNode?, anchor: String?)
            case sequence(YAMLNode.List, anchor: String?)
        }

        var stack: [Open] = []
        var anchors: [String: YAMLNode] = [:]
        var root: YAMLNode?
        var documents = 0

        mutating func take(_ event: yaml_event_t) throws(YAMLSyntaxError) {
            let start = YAMLComposer.mark(event.start_mark)
            switch event.type {
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw .syntax(problem: "expected a single document, found another", mark: start,
                                  context: nil, contextMark: nil)
                }
            case YAML_SCALAR_EVENT:
                let data = event.data.scalar
                let string = data.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self)
                } ?? ""
                let node = YAMLNode.scalar(.init(string: string, style: style(data.style), mark: start))
                try add(node, anchor: name(data.anchor), at: start)
            case YAML_ALIAS_EVENT:
                let anchor = name(event.data.alias.anchor) ?? ""
                guard let node = anchors[anchor] else {
                    throw .syntax(problem: "found undefined alias '\(anchor)'", mark: start, context: nil, contextMark: nil)
                }
                try add(node, anchor: nil, at: start)
            case YAML_SEQUENCE_START_EVENT:
                try open(.sequence(.init(items: [], mark: start), anchor: name(event.data.sequence_start.anchor)), at: start)
            case YAML_MAPPING_START_EVENT:
                try open(.mapping(.init(pairs: [], mark: start), pendingKey: nil,
                                  anchor: name(event.data.mapping_start.anchor)), at: start)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let top = stack.popLast() else { return }
                switch top {
                case .mapping(let mapping, _, let anchor): try add(.mapping(mapping), anchor: anchor, at: start)
                case .sequence(let list, let anchor): try add(.sequence(list), anchor: anchor, at: start)
                }
            default:
                break  // stream and document ends, stream start
            }
        }

        private mutating func open(_ collection: Open, at mark: YAMLNode.Mark) throws(YAMLSyntaxError) {
            guard stack.count < YAMLComposer.maximumDepth else {
                throw .syntax(problem: "nested more than \(YAMLComposer.maximumDepth) levels deep", mark: mark,
                              context: nil, contextMark: nil)
            }
            stack.append(collection)
        }

        /// Puts a finished node into the innermost open collection (or makes it the root).
        private mutating func add(_ node: YAMLNode, anchor: String?, at mark: YAMLNode.Mark) throws(YAMLSyntaxError) {
            if let anchor { anchors[anchor] = node }
            guard let top = stack.popLast() else {
                root = node
                return
            }
            switch top {
            case .sequence(var list, let listAnchor):
                list.items.append(node)
                stack.append(.sequence(list, anchor: listAnchor))
            case .mapping(var mapping, let key, let mappingAnchor):
                if let key {
                    mapping.pairs.append((key, node))
                    stack.append(.mapping(mapping, pendingKey: nil, anchor: mappingAnchor))
                } else {
                    stack.append(.mapping(mapping, pendingKey: node, anchor: mappingAnchor))
                }
            }
        }

        private func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }

        private func style(_ style: yaml_scalar_style_t) -> YAMLNode.Scalar.Style {
            switch style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
        }
    }
}
