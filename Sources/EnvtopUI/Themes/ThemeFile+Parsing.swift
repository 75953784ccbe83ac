import EnvtopCore

extension ThemeFile {
    /// The top-level keys of a theme file.
    static let topKeys = ["description", "background", "palette", "roles"]
    /// The keys of one role.
    static let styleKeys = ["fg", "bg", "attrs"]

    /// Reads a theme file.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - name: the theme's name (the file name without `.yaml`).
    ///   - file: the path to name in errors.
    /// - Throws: `ThemeError` naming the file, the line and the bad key or value; nothing is
    ///   half-applied, since a theme exists only once the whole file is read.
    public static func parse(_ text: String, name: String, file: String) throws(ThemeError) -> ThemeFile {
        let reader = YAMLReader(file: file)
        if let unquoted = UnquotedColorCheck.find(in: text) {
            throw reader.fail(unquoted.line, "the colour \(unquoted.color) must be in quotes, \"\(unquoted.color)\": "
                + "YAML reads a bare # as the start of a comment")
        }
        var description: String?
        var background = ThemeBackground.dark
        var palette: [String: ThemeColor] = [:]
        var rolesEntry: YAMLEntry?
        for entry in try reader.root(of: text) {
            switch entry.key {
            case "description":
                description = try reader.string(entry, what: "description")
            case "background":
                let word = try reader.string(entry, what: "background")
                guard let value = ThemeBackground(rawValue: word.lowercased()) else {
                    throw reader.fail(entry.valueLine, "background must be dark or light (got '\(word)')")
                }
                background = value
            case "palette":
                palette = try parsePalette(entry, reader: reader)
            case "roles":
                rolesEntry = entry
            default:
                throw reader.fail(entry.line, "unknown key '\(entry.key)'\(Suggestion.hint(for: entry.key, in: topKeys)); "
                    + "a theme has description, background, palette and roles")
            }
        }
        // Roles are read after the palette, so the palette may come first or last in the file.
        var roles: [ThemeRole: RoleStyle] = [:]
        if let rolesEntry, !rolesEntry.isNull {
            for entry in try reader.entries(of: rolesEntry.value, named: "roles", line: rolesEntry.line) {
                guard let role = ThemeRole(rawValue: entry.key) else {
                    let hint = Suggestion.closest(to: entry.key, in: ThemeRole.allCases.map(\.rawValue))
                        .map { " (did you mean '\($0)'?)" } ?? "; the roles are listed in themes/README.md"
                    throw reader.fail(entry.line, "unknown role '\(entry.key)'\(hint)")
                }
                roles[role] = try parseStyle(entry, role: role, palette: palette, reader: reader)
            }
        }
        return ThemeFile(name: name, description: description, background: background, palette: palette, roles: roles)
    }

    private static func parsePalette(_ entry: YAMLEntry, reader: YAMLReader) throws(ThemeError) -> [String: ThemeColor] {
        guard !entry.isNull else { return [:] }
        var palette: [String: ThemeColor] = [:]
        for item in try reader.entries(of: entry.value, named: "palette", line: entry.line) {
            let name = item.key.lowercased()
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw reader.fail(item.line, "palette name '\(item.key)' must be letters, digits, - and _")
            }
            let what = "palette entry '\(item.key)'"
            let word = try colorWord(item, what: what, reader: reader)
            guard let color = ThemeFileColor.parse(word) else {
                throw reader.fail(item.valueLine, "bad colour '\(word)' for \(what): \(literalExpected)")
            }
            palette[name] = color
        }
        return palette
    }

    /// A palette entry must be a colour itself, not another palette name.
    static let literalExpected = "expected default, a colour name (red, bright-red…), ansi:0-15, color:0-255 or \"#rrggbb\""

    private static func parseStyle(
        _ entry: YAMLEntry, role: ThemeRole, palette: [String: ThemeColor], reader: YAMLReader
    ) throws(ThemeError) -> RoleStyle {
        let name = role.rawValue
        if case .scalar = entry.value, !entry.isNull {
            // `state.active: green` is short for `state.active: { fg: green }`.
            return RoleStyle(foreground: try color(entry, what: "\(name) fg", palette: palette, reader: reader))
        }
        guard !entry.isNull else {
            throw reader.fail(entry.line, "\(name) has no value; give a colour or fg, bg and attrs")
        }
        guard case .mapping = entry.value else {
            throw reader.fail(entry.valueLine, "\(name) must be a colour or a mapping with fg, bg and attrs")
        }
        var style = RoleStyle()
        for item in try reader.entries(of: entry.value, named: name, line: entry.line) {
            switch item.key {
            case "fg": style.foreground = try color(item, what: "\(name) fg", palette: palette, reader: reader)
            case "bg": style.background = try color(item, what: "\(name) bg", palette: palette, reader: reader)
            case "attrs": style.attributes = try attributes(item, what: "\(name) attrs", reader: reader)
            default:
                throw reader.fail(item.line, "unknown key '\(item.key)' in \(name)"
                    + "\(Suggestion.hint(for: item.key, in: styleKeys)); a role has fg, bg and attrs")
            }
        }
        return style
    }

    private static func color(
        _ entry: YAMLEntry, what: String, palette: [String: ThemeColor], reader: YAMLReader
    ) throws(ThemeError) -> ThemeColor {
        let word = try colorWord(entry, what: what, reader: reader)
        if let named = palette[word.lowercased()] { return named }
        if let literal = ThemeFileColor.parse(word) { return literal }
        let known = Array(palette.keys).sorted() + ThemeFileColor.ansiNames
        if let guess = Suggestion.closest(to: word, in: known) {
            throw reader.fail(entry.valueLine, "bad colour '\(word)' for \(what) (did you mean '\(guess)'?)")
        }
        throw reader.fail(entry.valueLine, "bad colour '\(word)' for \(what): \(ThemeFileColor.expected)")
    }

    /// The colour's text; an empty value is almost always an unquoted `#rrggbb`, which YAML
    /// reads as a comment, so the message says so.
    private static func colorWord(_ entry: YAMLEntry, what: String, reader: YAMLReader) throws(ThemeError) -> String {
        guard !entry.isNull else {
            throw reader.fail(entry.line, "\(what) has no colour (quote \"#rrggbb\" colours: YAML reads # as a comment)")
        }
        return try reader.string(entry, what: what)
    }

    private static func attributes(_ entry: YAMLEntry, what: String, reader: YAMLReader) throws(ThemeError) -> TextAttributes {
        if entry.isNull { return [] }
        let words: [(String, Int)]
        switch entry.value {
        case .scalar(let scalar):
            // `attrs: bold` or `attrs: bold underline` (or with commas).
            words = scalar.string.split(whereSeparator: { $0 == " " || $0 == "," }).map { (String($0), entry.valueLine) }
        case .sequence(let sequence):
            var list: [(String, Int)] = []
            for node in sequence {
                guard case .scalar(let scalar) = node else {
                    throw reader.fail(node.mark?.line ?? entry.line, "\(what) must be a list of words")
                }
                list.append((scalar.string, node.mark?.line ?? entry.line))
            }
            words = list
        case .mapping:
            throw reader.fail(entry.valueLine, "\(what) must be a list of words such as [bold, underline]")
        }
        var result: TextAttributes = []
        for (word, line) in words {
            guard let attribute = ThemeFileAttributes.parse(word) else {
                throw reader.fail(line, "unknown attribute '\(word)' in \(what): \(ThemeFileAttributes.expected)")
            }
            result.insert(attribute)
        }
        return result
    }
}
