/// One HTTP answer, fully read: what the retry policy and the decoders look at.
struct RawResponse: Sendable {
    let status: Int
    let headers: ResponseHeaders
    let body: [UInt8]

    var isSuccess: Bool { (200..<300).contains(status) }
}
