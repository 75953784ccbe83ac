/// The version envtop reports in its `User-Agent`.
public enum ClientVersion {
    public static let current = "0.1.0"
    public static var userAgent: String { "envtop/\(current)" }
}
