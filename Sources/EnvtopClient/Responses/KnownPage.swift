import EnvtopModels

/// A list page's body, decoded unless it is the one the caller already has.
///
/// The dashboard names, with each read of a page, the digest of the body it last merged there
/// (`PageRequest.knownDigest`); an equal body comes back as `WorkPage.unchanged`, undecoded. On an
/// idle queue that is nearly every page of every refresh, the sweep's included. This replaced a
/// memo of the 128 pages decoded last: every read it could spare is spared here without keeping
/// any decoded page, and at 20 environments the sweep's pages never stayed in it.
enum KnownPage {
    static func page(
        body: [UInt8], known: PageDigest?, decode: ([UInt8]) throws(APIError) -> WorkPage
    ) throws(APIError) -> WorkPage {
        let digest = PageDigest(of: body)
        if digest == known { return .unchanged(digest) }
        var page = try decode(body)
        page.digest = digest
        return page
    }
}
