import EnvtopCore

/// What the config parser says of `text` as the file `file`: its error, or "loaded".
func configProblem(_ text: String, file: String) -> String {
    do {
        _ = try EnvtopConfig.parse(text, file: file)
        return "loaded"
    } catch {
        return error.description
    }
}
