/// One page of `GET /work`: items and the opaque cursor of the next page (`nil` on the last).
public struct WorkPage: Sendable, Hashable, Codable {
    public var data: [WorkItem]
    public var nextPage: String?
    /// Items of the page that could not be read (one with `state: 7`, or no `id`), each as
    /// "data[3] (work_…): state is not a string": one bad item must not hide the good ones.
    public var unreadable: [String] = []
    /// The body's digest, when the page came over HTTP. Not part of equality: it describes the
    /// bytes, not the items.
    public var digest: PageDigest?
    /// The body had the digest the request named (`DashboardAPI.listWork(..., unlessDigest:)`):
    /// nothing was decoded, `data` is empty and `nextPage` unknown; the caller has the rest.
    public private(set) var isUnchanged = false

    public init(data: [WorkItem], nextPage: String?, unreadable: [String] = [], digest: PageDigest? = nil) {
        self.data = data
        self.nextPage = nextPage
        self.unreadable = unreadable
        self.digest = digest
    }

    /// The answer to a read whose body had the digest it named.
    public static func unchanged(_ digest: PageDigest) -> WorkPage {
        var page = WorkPage(data: [], nextPage: nil, digest: digest)
        page.isUnchanged = true
        return page
    }

    public static func == (a: WorkPage, b: WorkPage) -> Bool {
        a.data == b.data && a.nextPage == b.nextPage && a.unreadable == b.unreadable && a.isUnchanged == b.isUnchanged
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(data)
        hasher.combine(nextPage)
        hasher.combine(unreadable)
        hasher.combine(isUnchanged)
    }

    enum CodingKeys: String, CodingKey {
        case data
        case nextPage = "next_page"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var items = try c.nestedUnkeyedContainer(forKey: .data)
        var data: [WorkItem] = []
        var unreadable: [String] = []
        while !items.isAtEnd {
            let index = items.currentIndex
            let entry = try items.decode(LenientItem.self)
            switch entry.result {
            case .success(let item): data.append(item)
            case .failure(let why): unreadable.append("data[\(index)]\(entry.id.map { " (\($0))" } ?? ""): \(why.text)")
            }
        }
        self.data = data
        self.unreadable = unreadable
        nextPage = try c.decodeIfPresent(String.self, forKey: .nextPage)
    }

    /// One element of `data`, read on its own: a work item, or why it is not one (and its id,
    /// when it has a readable one).
    struct LenientItem: Decodable {
        var result: Result<WorkItem, WhyNot>
        var id: String?

        struct WhyNot: Error { let text: String }

        init(from decoder: any Decoder) throws {
            struct IDOnly: Decodable { let id: String }
            id = (try? IDOnly(from: decoder))?.id
            do {
                result = .success(try WorkItem(from: decoder))
            } catch let error as DecodingError {
                result = .failure(WhyNot(text: Self.describe(error)))
            }
        }

        static func describe(_ error: DecodingError) -> String {
            switch error {
            case .keyNotFound(let key, _): "no \(key.stringValue)"
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                "\(context.codingPath.last?.stringValue ?? "the item"): \(context.debugDescription)"
            @unknown default: "not a work item"
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(data, forKey: .data)
        if let nextPage { try c.encode(nextPage, forKey: .nextPage) } else { try c.encodeNil(forKey: .nextPage) }
    }
}
