/// One page of `GET /work`: items and the opaque cursor of the next page (`nil` on the last).
public struct WorkPage: Sendable, Hashable, Codable {
    public var data: [WorkItem]
    public var nextPage: String?

    public init(data: [WorkItem], nextPage: String?) {
        self.data = data
        self.nextPage = nextPage
    }

    enum CodingKeys: String, CodingKey {
        case data
        case nextPage = "next_page"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        data = try c.decode([WorkItem].self, forKey: .data)
        nextPage = try c.decodeIfPresent(String.self, forKey: .nextPage)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(data, forKey: .data)
        if let nextPage { try c.encode(nextPage, forKey: .nextPage) } else { try c.encodeNil(forKey: .nextPage) }
    }
}
