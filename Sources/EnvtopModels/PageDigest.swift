/// What a list page's body was, in 16 bytes: its length and a 64-bit SipHash with this process's
/// random seed. Two different bodies pass as one with odds of 2^-64, far below a lying API.
///
/// The dashboard keeps one per page it merged (`WorkStore`), and sends it with the next read of
/// that page: an answer with the same bytes is not decoded or merged again, only noted as seen.
public struct PageDigest: Sendable, Hashable {
    public var length: Int
    public var hash: Int

    public init(length: Int, hash: Int) {
        self.length = length
        self.hash = hash
    }

    public init(of body: [UInt8]) {
        var hasher = Hasher()
        body.withUnsafeBytes { hasher.combine(bytes: $0) }
        self.init(length: body.count, hash: hasher.finalize())
    }
}
