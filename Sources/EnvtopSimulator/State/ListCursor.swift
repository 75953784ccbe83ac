#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The opaque `page` token of `GET /work`: "items created before position N", base64url.
///
/// Positions are creation order and never change, so a page walk neither repeats nor skips an
/// item while items change state or new ones arrive (those land before the first page).
struct ListCursor: Equatable {
    /// Exclusive upper bound: the next page starts with the item just below this position.
    var before: Int

    var token: String {
        Data("w1:\(before)".utf8).base64EncodedString()
            .replacing("+", with: "-").replacing("/", with: "_")
            .replacing("=", with: "")
    }

    init(before: Int) { self.before = before }

    /// Nil when the token was not made by `token`.
    init?(token: String) {
        var base64 = token.replacing("-", with: "+").replacing("_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("w1:"), let value = Int(text.dropFirst(3)), value >= 0
        else { return nil }
        before = value
    }
}
